package dev.citypark.search.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.CategoryAvailability;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.search.FreeSample;

/**
 * A bounded in-process memory of the recent free counts of places, per category, as this instance saw them (from
 * availability's change stream and from its own reads): the samples the trend predictor extrapolates, and the last
 * known count of a place whose data went stale.
 * <p>
 * Bounds: per place at most one sample per {@code spacing} (a newer observation within the spacing replaces the
 * newest sample), none older than {@code window} + {@code spacing} before the newest; at most {@code maxPlaces}
 * places (a new place beyond that is not remembered and counted in {@link #refused()}). Samples are keyed by the
 * observation time ({@code updatedAt}), so the same state heard twice is one sample. Only fresh states are
 * remembered. Thread-safe: one short lock per place.
 */
final class RecentCounts {

    private static final SpaceCategory[] CATEGORIES = SpaceCategory.values();

    private final long windowMillis;
    private final long spacingMillis;
    private final int maxPlaces;
    private final int maxSamples;
    private final Map<String, Series> places = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();

    RecentCounts(Duration window, Duration spacing, int maxPlaces) {
        if (window.isNegative() || window.isZero() || spacing.isNegative() || spacing.isZero() || maxPlaces < 1) {
            throw new IllegalArgumentException("window and spacing must be positive, maxPlaces at least 1");
        }
        this.windowMillis = window.toMillis();
        this.spacingMillis = spacing.toMillis();
        this.maxPlaces = maxPlaces;
        this.maxSamples = (int) Math.min(10_000, windowMillis / spacingMillis + 2);
    }

    /** Remembers a place's state if it is fresh (known status, an observation time). */
    void record(PlaceAvailability availability) {
        if (availability.status() == AvailabilityStatus.UNKNOWN || availability.updatedAt() == null) {
            return;
        }
        int[] free = new int[CATEGORIES.length];
        for (Map.Entry<SpaceCategory, CategoryAvailability> e : availability.categories().entrySet()) {
            free[e.getKey().ordinal()] = availability.status() == AvailabilityStatus.CLOSED ? 0 : e.getValue().free();
        }
        String id = availability.place().id();
        Series series = places.get(id);
        if (series == null) {
            if (places.size() >= maxPlaces) {
                refused.incrementAndGet();
                return;
            }
            series = places.computeIfAbsent(id, key -> new Series());
        }
        series.add(availability.updatedAt().toEpochMilli(), free);
    }

    /** The newest remembered count of the category at the place, with its observation time. */
    Optional<FreeSample> last(String placeId, SpaceCategory category) {
        Series series = places.get(placeId);
        return series == null ? Optional.empty() : series.last(category);
    }

    /** Remembered counts of the category observed in {@code [from, before)}, oldest first. */
    List<FreeSample> samples(String placeId, SpaceCategory category, Instant from, Instant before) {
        Series series = places.get(placeId);
        return series == null ? List.of() : series.between(category, from.toEpochMilli(), before.toEpochMilli());
    }

    int size() {
        return places.size();
    }

    /** New places not remembered because the memory was full. */
    long refused() {
        return refused.get();
    }

    private record Sample(long at, int[] free) {
    }

    private final class Series {

        private final ArrayDeque<Sample> samples = new ArrayDeque<>();

        synchronized void add(long at, int[] free) {
            Sample newest = samples.peekLast();
            if (newest != null && at <= newest.at()) {
                return; // older or the same observation
            }
            if (newest != null) {
                // every sample but the newest is at least a spacing after the one before; the newest is replaced
                // by a newer observation until it is a spacing old
                samples.pollLast();
                Sample before = samples.peekLast();
                if (before == null || newest.at() - before.at() >= spacingMillis) {
                    samples.addLast(newest);
                }
            }
            samples.addLast(new Sample(at, free));
            long oldest = at - windowMillis - spacingMillis;
            while (samples.size() > maxSamples || samples.peekFirst().at() < oldest) {
                samples.pollFirst();
            }
        }

        synchronized Optional<FreeSample> last(SpaceCategory category) {
            Sample newest = samples.peekLast();
            return newest == null ? Optional.empty()
                    : Optional.of(new FreeSample(Instant.ofEpochMilli(newest.at()), newest.free()[category.ordinal()]));
        }

        synchronized List<FreeSample> between(SpaceCategory category, long from, long before) {
            List<FreeSample> found = new ArrayList<>();
            Iterator<Sample> it = samples.iterator();
            while (it.hasNext()) {
                Sample s = it.next();
                if (s.at() >= from && s.at() < before) {
                    found.add(new FreeSample(Instant.ofEpochMilli(s.at()), s.free()[category.ordinal()]));
                }
            }
            return found;
        }
    }
}
