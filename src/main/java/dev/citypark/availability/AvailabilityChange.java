package dev.citypark.availability;

import java.time.Instant;
import java.util.Objects;

/**
 * A place's new state after one or more applied observations, as pushed to subscribers of
 * {@link Availability#changes()} — at most one per place per coalescing interval (default 1 s).
 *
 * @param availability the state read right after the change
 * @param readAt       when it was read
 */
public record AvailabilityChange(PlaceAvailability availability, Instant readAt) {

    public AvailabilityChange {
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(readAt, "readAt");
    }

    public PlaceRef place() {
        return availability.place();
    }
}
