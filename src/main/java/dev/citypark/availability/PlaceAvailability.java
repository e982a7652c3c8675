package dev.citypark.availability;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.citypark.registry.SpaceCategory;

/**
 * The live state of a lot or segment as of the read: totals over all categories, the categories, status and
 * freshness. Unknown spaces are never counted as free.
 *
 * @param place      the lot or segment
 * @param status     what screens and apps show
 * @param capacity   all spaces
 * @param free       spaces known to be free
 * @param occupied   spaces known to be occupied
 * @param unknown    spaces whose state is unknown
 * @param categories every category with capacity &gt; 0
 * @param updatedAt  the latest observation applied, or {@code null} if there never was one
 * @param source     where the numbers come from
 * @param flags      remarks on their quality
 */
public record PlaceAvailability(PlaceRef place, AvailabilityStatus status, int capacity, int free, int occupied,
                                int unknown, Map<SpaceCategory, CategoryAvailability> categories, Instant updatedAt,
                                CountSource source, Set<AvailabilityFlag> flags) {

    public PlaceAvailability {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        categories = categories.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(categories));
        flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
        if (free + occupied + unknown != capacity) {
            throw new IllegalArgumentException("free + occupied + unknown must equal capacity for " + place);
        }
    }

    public Optional<Instant> findUpdatedAt() {
        return Optional.ofNullable(updatedAt);
    }

    /** Whether a driver may head there: known free spaces and neither closed nor unknown. */
    public boolean hasKnownFreeSpace() {
        return free > 0 && status != AvailabilityStatus.CLOSED && status != AvailabilityStatus.UNKNOWN;
    }
}
