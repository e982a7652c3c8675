package dev.citypark.opendata;

import java.time.Instant;
import java.util.Objects;

/**
 * A fresh live reading of one place: a lot, a street segment, or a single bay (where {@code free + occupied} is 1
 * while the bay is open). Validated: counts are not negative, status and time are present.
 *
 * @param free      free spaces now
 * @param occupied  occupied spaces now
 * @param status    what the place reports
 * @param updatedAt when the value was last updated at the source
 */
public record LiveValue(int free, int occupied, LiveStatus status, Instant updatedAt) {

    public LiveValue {
        if (free < 0 || occupied < 0) {
            throw new IllegalArgumentException("live counts must not be negative: free " + free + ", occupied "
                    + occupied);
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A single bay that is free ({@code true}) or occupied. */
    public static LiveValue bay(boolean free, Instant updatedAt) {
        return new LiveValue(free ? 1 : 0, free ? 0 : 1, free ? LiveStatus.SPACES_AVAILABLE : LiveStatus.FULL,
                updatedAt);
    }
}
