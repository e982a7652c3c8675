package dev.citypark.core;

/**
 * A latitude/longitude pair in some coordinate reference system named alongside it (for example the GCJ-02 or BD-09
 * coordinates a Chinese map SDK expects), as produced by {@link Crs#fromWgs84(GeoPoint)}. Unlike {@link GeoPoint} it
 * is <em>not</em> necessarily WGS-84, so it is never used inside citypark for storage or geometry.
 * <p>
 * Range-checked like {@link GeoPoint} (field names {@code lat} and {@code lon}) and rounded to 7 decimals.
 *
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 */
public record LatLon(double lat, double lon) {

    public LatLon {
        lat = Coordinates.round7(Coordinates.requireLatitude(lat));
        lon = Coordinates.round7(Coordinates.requireLongitude(lon));
    }

    /** {@code lat,lon} in plain decimals. */
    @Override
    public String toString() {
        return Coordinates.plain(lat) + "," + Coordinates.plain(lon);
    }
}
