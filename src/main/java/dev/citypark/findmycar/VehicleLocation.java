package dev.citypark.findmycar;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.citypark.core.BayId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.Plate;

/**
 * Where a vehicle stands, for someone allowed to know (see {@link VehicleLocations}).
 *
 * @param plate       the vehicle
 * @param placeKind   {@code LOT} or {@code SEGMENT}
 * @param placeId     the lot or segment id
 * @param placeName   the lot's name or the segment's road name
 * @param floor       the bay's floor inside a garage (level and name), when known
 * @param zone        the bay's garage zone (id and name), when known
 * @param bay         the bay, when a garage camera or a street sensor placed the vehicle
 * @param point       the bay's centre, else the lot's point or the segment's middle (WGS-84)
 * @param parkedSince the session's entry time
 * @param route       the walking route from the requested start to the bay, when one was asked for and exists
 * @param routeNote   why no route is given although one was asked for
 */
public record VehicleLocation(Plate plate, String placeKind, String placeId, String placeName, Optional<Level> floor,
                              Optional<Area> zone, Optional<BayId> bay, GeoPoint point, Instant parkedSince,
                              Optional<Route> route, Optional<String> routeNote) {

    public VehicleLocation {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(placeKind, "placeKind");
        Objects.requireNonNull(placeId, "placeId");
        Objects.requireNonNull(placeName, "placeName");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(bay, "bay");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(parkedSince, "parkedSince");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(routeNote, "routeNote");
    }

    /** A garage floor: signed level (-2) and name ("B2"). */
    public record Level(int level, String name) {
    }

    /** A garage zone: id ("B2-C") and name. */
    public record Area(String id, String name) {
    }
}
