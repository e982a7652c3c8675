package dev.citypark.registry;

import dev.citypark.core.GateId;
import dev.citypark.core.GeoPoint;

/**
 * A vehicle gate of a lot (barrier with plate camera), on or near the lot's footprint boundary.
 *
 * @param id    city-unique gate id
 * @param kind  entry, exit or both
 * @param point where the barrier stands (WGS-84)
 */
public record Gate(GateId id, GateKind kind, GeoPoint point) {

    public Gate {
        Checks.require("id", id);
        Checks.require("kind", kind);
        Checks.require("point", point);
    }
}
