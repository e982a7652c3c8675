package dev.citypark.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What live availability knows about one place, for one category.
 *
 * @param free      free spaces now (for a bay: 1 free, 0 taken), &ge; 0
 * @param updatedAt when the count was last confirmed by a sensor, counter or gate
 * @param stale     whether the availability module considers it too old to trust (its freshness policy, which may
 *                  differ by source)
 * @param recent    past counts within the window asked for, oldest first; empty when none were asked for
 */
public record LiveCount(int free, Instant updatedAt, boolean stale, List<FreeSample> recent) {

    public LiveCount {
        if (free < 0) {
            throw new IllegalArgumentException("free must be >= 0, was " + free);
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
        recent = List.copyOf(recent);
        for (int i = 1; i < recent.size(); i++) {
            if (recent.get(i).at().isBefore(recent.get(i - 1).at())) {
                throw new IllegalArgumentException("recent samples must be oldest first");
            }
        }
    }

    /** A count without history. */
    public static LiveCount of(int free, Instant updatedAt, boolean stale) {
        return new LiveCount(free, updatedAt, stale, List.of());
    }
}
