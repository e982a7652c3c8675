package dev.citypark.registry.geodata;

import dev.citypark.registry.Bay;
import dev.citypark.registry.District;
import dev.citypark.registry.GuidanceScreen;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Operator;
import dev.citypark.registry.Segment;

import java.util.List;
import java.util.stream.Stream;

/**
 * A whole city registry as read from (or written to) a geo-data folder: ready for a bulk import.
 *
 * @param manifest  what the folder's manifest declares (already checked against the contents)
 * @param districts districts in code order
 * @param operators operators
 * @param lots      off-street lots in id order, indoor models attached
 * @param segments  on-street segments in id order
 * @param screens   guidance screens in id order
 */
public record GeoData(GeoDataManifest manifest, List<District> districts, List<Operator> operators, List<Lot> lots,
                      List<Segment> segments, List<GuidanceScreen> screens) {

    public GeoData {
        districts = List.copyOf(districts);
        operators = List.copyOf(operators);
        lots = List.copyOf(lots);
        segments = List.copyOf(segments);
        screens = List.copyOf(screens);
    }

    /** Spaces in lots (sum of capacities). */
    public long offStreetSpaces() {
        return lots.stream().mapToLong(l -> l.capacity().total()).sum();
    }

    /** Spaces on street segments (one per bay). */
    public long onStreetSpaces() {
        return segments.stream().mapToLong(s -> s.bays().size()).sum();
    }

    public long totalSpaces() {
        return offStreetSpaces() + onStreetSpaces();
    }

    /** Lots that have an indoor model. */
    public List<Lot> listIndoorGarages() {
        return lots.stream().filter(l -> l.indoorModel() != null).toList();
    }

    /** Every individually recorded bay: on-street bays, then the bays of indoor models. */
    public Stream<Bay> streamBays() {
        return Stream.concat(segments.stream().flatMap(s -> s.bays().stream()),
                lots.stream().filter(l -> l.indoorModel() != null).flatMap(l -> l.indoorModel().bays().stream()));
    }
}
