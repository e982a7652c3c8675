package dev.citypark.findmycar;

import dev.citypark.registry.WalkNodeKind;

/** What stands at a waypoint of a route: a node of the walk graph, or the bay at the end. */
public enum WaypointKind {
    ELEVATOR, STAIRS, PAY_STATION, PILLAR, JUNCTION, ENTRANCE,
    /** The bay, always the last waypoint. */
    BAY;

    static WaypointKind of(WalkNodeKind kind) {
        return switch (kind) {
            case ELEVATOR -> ELEVATOR;
            case STAIRS -> STAIRS;
            case PAY_STATION -> PAY_STATION;
            case PILLAR -> PILLAR;
            case JUNCTION -> JUNCTION;
            case ENTRANCE -> ENTRANCE;
        };
    }
}
