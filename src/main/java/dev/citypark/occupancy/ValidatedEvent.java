package dev.citypark.occupancy;

import java.util.Objects;
import java.util.Optional;

import dev.citypark.registry.SpaceCategory;

/**
 * An event the registry check accepted, with the place it applies to.
 *
 * @param event       the event
 * @param place       its lot or segment (for a bay: the segment or garage the bay belongs to)
 * @param bayCategory the bay's category for a {@link BayStatus}, else {@code null}
 */
public record ValidatedEvent(OccupancyEvent event, Place place, SpaceCategory bayCategory) implements Checked {

    public ValidatedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(place, "place");
        if ((event instanceof BayStatus) != (bayCategory != null)) {
            throw new IllegalArgumentException("a bay category goes with a BayStatus and only with it");
        }
    }

    public Optional<SpaceCategory> findBayCategory() {
        return Optional.ofNullable(bayCategory);
    }

    /** The Kafka record key: the place id. */
    public String key() {
        return place.id();
    }
}
