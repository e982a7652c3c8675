package dev.citypark.occupancy;

import java.util.Objects;

import dev.citypark.core.OperatorId;
import dev.citypark.registry.Capacity;

/**
 * A place occupancy is reported for, as the registry knows it: its id is also the Kafka record key of its events, so
 * one place's events stay in one partition, in order.
 *
 * @param kind      lot or segment
 * @param id        the lot or segment id
 * @param operator  the operator running it
 * @param capacity  spaces per category
 * @param bayLevel  whether its counts derive from individual bays (segments, garages with an indoor model)
 */
public record Place(PlaceKind kind, String id, OperatorId operator, Capacity capacity, boolean bayLevel) {

    public Place {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(capacity, "capacity");
    }
}
