package dev.citypark.search;

import java.time.Instant;
import java.util.Objects;

/**
 * A past free count of a place, for trend prediction.
 *
 * @param at   when it was observed
 * @param free free spaces of the category then, &ge; 0
 */
public record FreeSample(Instant at, int free) {

    public FreeSample {
        Objects.requireNonNull(at, "at");
        if (free < 0) {
            throw new IllegalArgumentException("free must be >= 0, was " + free);
        }
    }
}
