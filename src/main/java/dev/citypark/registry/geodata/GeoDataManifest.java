package dev.citypark.registry.geodata;

import java.util.List;

/**
 * What {@code manifest.json} of a geo-data folder declares: format version, how the data was generated, counts,
 * spaces in total and per district, and the size and SHA-256 of every other file. {@link GeoDataReader} checks the
 * files against it.
 *
 * @param formatVersion  version of the file formats ({@value #FORMAT_VERSION} for this code)
 * @param seed           generator seed
 * @param scale          generator scale (1.0 = the full city of 300,000 spaces)
 * @param districts      number of districts
 * @param operators      number of operators
 * @param lots           number of off-street lots
 * @param indoorGarages  number of lots with an indoor model (one {@code indoor/<lotId>.json} each)
 * @param segments       number of on-street segments
 * @param onStreetBays   number of on-street bays (= on-street spaces)
 * @param indoorBays     number of bays in all indoor models
 * @param screens        number of guidance screens
 * @param totalSpaces    all spaces, on- and off-street
 * @param onStreetSpaces spaces on street segments
 * @param offStreetSpaces spaces in lots (sum of lot capacities)
 * @param perDistrict    the same per district, in district-code order; adds up to the totals
 * @param files          every data file with its size and checksum, sorted by path
 */
public record GeoDataManifest(int formatVersion, long seed, double scale, int districts, int operators, int lots,
                              int indoorGarages, int segments, int onStreetBays, int indoorBays, int screens,
                              long totalSpaces, long onStreetSpaces, long offStreetSpaces,
                              List<DistrictSpaces> perDistrict, List<FileChecksum> files) {

    /** The format version this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public GeoDataManifest {
        perDistrict = List.copyOf(perDistrict);
        files = List.copyOf(files);
    }

    /**
     * Lots, segments and spaces of one district.
     *
     * @param code            district code
     * @param name            district name (Chinese)
     * @param lots            off-street lots in the district
     * @param segments        on-street segments in the district
     * @param onStreetSpaces  on-street spaces
     * @param offStreetSpaces off-street spaces
     */
    public record DistrictSpaces(String code, String name, int lots, int segments, long onStreetSpaces,
                                 long offStreetSpaces) {

        public long totalSpaces() {
            return onStreetSpaces + offStreetSpaces;
        }
    }

    /**
     * A data file of the folder.
     *
     * @param path   relative path with '/' separators, e.g. "indoor/QD-L-00012.json"
     * @param bytes  size in bytes
     * @param sha256 lower-case hex SHA-256 of the file's bytes
     */
    public record FileChecksum(String path, long bytes, String sha256) {
    }
}
