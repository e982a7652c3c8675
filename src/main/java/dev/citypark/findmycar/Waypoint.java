package dev.citypark.findmycar;

import java.util.Objects;

import dev.citypark.core.GeoPoint;

/**
 * One point of a walking route.
 *
 * @param id        the walk-graph node id (e.g. "B2-E1"), or the bay id for the last waypoint
 * @param kind      what stands there
 * @param floor     floor level (-2 = B2)
 * @param floorName the floor's name on the signs, e.g. "B2"
 * @param point     position (WGS-84)
 */
public record Waypoint(String id, WaypointKind kind, int floor, String floorName, GeoPoint point) {

    public Waypoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(floorName, "floorName");
        Objects.requireNonNull(point, "point");
    }
}
