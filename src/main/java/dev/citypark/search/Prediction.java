package dev.citypark.search;

import java.time.Instant;
import java.util.Objects;

/**
 * How many spaces a place is expected to have free at the driver's arrival.
 *
 * @param predictor    the name of the predictor that made it, e.g. "linear-trend-30m"
 * @param at           the arrival time it is for
 * @param expectedFree expected free spaces then, &ge; 0
 */
public record Prediction(String predictor, Instant at, double expectedFree) {

    /** Expected free spaces from which a place counts as likely to have space at arrival. */
    public static final double LIKELY_FREE = 1.0;

    public Prediction {
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(expectedFree) || expectedFree < 0) {
            throw new IllegalArgumentException("expectedFree must be >= 0, was " + expectedFree);
        }
    }

    /** Whether at least one space is expected to be free at arrival. */
    public boolean likelyFree() {
        return expectedFree >= LIKELY_FREE;
    }
}
