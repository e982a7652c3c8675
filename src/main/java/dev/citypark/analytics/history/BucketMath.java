package dev.citypark.analytics.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time-weighted bucketing, pure arithmetic. A state holds from its observation until the next one; the interval is
 * cut at 5-minute bucket boundaries and added as space-seconds per bucket and category:
 * <ul>
 *     <li>while the state is fresh (until {@code observedAt + staleAfter}, never for a state that arrived stale):
 *     {@code known += (capacity - unknown)·dt}, {@code occupied += occupied·dt}, {@code unknown += unknown·dt}, and
 *     the bucket's maximum takes the state's occupied count;</li>
 *     <li>afterwards: {@code unknown += capacity·dt} (stale time).</li>
 * </ul>
 * A bucket's occupancy rate is {@code occupied / known}, its stale share {@code unknown / (known + unknown)}.
 * Increments for the same bucket add up, so an interval may be added in pieces. Not thread-safe (one per batch).
 */
public final class BucketMath {

    public static final Duration BUCKET = Duration.ofMinutes(5);
    public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final long BUCKET_SECONDS = BUCKET.toSeconds();

    /** A 5-minute bucket of one place and category. */
    public record Key(String placeId, String category, Instant start) {
    }

    /** A day or month (in Asia/Shanghai) of one place and category. */
    public record PeriodKey(String placeId, String category, LocalDate period) {
    }

    /** What is added to one bucket or period. */
    public static final class Increment {
        public final String kind;
        public final String operatorId;
        public final String districtCode;
        public int capacity;
        public double knownSs;
        public double occupiedSs;
        public double unknownSs;
        public int maxOccupied;
        public int samples;

        Increment(String kind, String operatorId, String districtCode, int capacity) {
            this.kind = kind;
            this.operatorId = operatorId;
            this.districtCode = districtCode;
            this.capacity = capacity;
        }

        void add(Increment other) {
            capacity = Math.max(capacity, other.capacity);
            knownSs += other.knownSs;
            occupiedSs += other.occupiedSs;
            unknownSs += other.unknownSs;
            maxOccupied = Math.max(maxOccupied, other.maxOccupied);
            samples += other.samples;
        }
    }

    private final Map<Key, Increment> buckets = new LinkedHashMap<>();

    /** The start of the 5-minute bucket holding {@code t}. */
    public static Instant bucketOf(Instant t) {
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, BUCKET_SECONDS));
    }

    /** Adds {@code state} as it held from {@code from} to {@code to} (nothing if {@code to} is not after it). */
    public void integrate(PlaceState state, Instant from, Instant to, Duration staleAfter) {
        if (!to.isAfter(from)) {
            return;
        }
        Instant staleFrom = state.stale() ? state.observedAt() : state.observedAt().plus(staleAfter);
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            Instant bucket = bucketOf(cursor);
            Instant end = min(bucket.plus(BUCKET), to);
            double fresh = seconds(cursor, min(end, max(cursor, staleFrom)));
            double stale = seconds(max(cursor, staleFrom), end);
            for (PlaceState.CategoryState c : state.categories()) {
                Increment inc = increment(state, c, bucket);
                if (fresh > 0) {
                    inc.knownSs += (c.capacity() - c.unknown()) * fresh;
                    inc.occupiedSs += c.occupied() * fresh;
                    inc.unknownSs += c.unknown() * fresh;
                    inc.maxOccupied = Math.max(inc.maxOccupied, c.occupied());
                }
                if (stale > 0) {
                    inc.unknownSs += c.capacity() * stale;
                }
            }
            cursor = end;
        }
    }

    /** Counts {@code state} as a sample of the bucket it was observed in (and its occupied count in the maximum). */
    public void sample(PlaceState state) {
        Instant bucket = bucketOf(state.observedAt());
        for (PlaceState.CategoryState c : state.categories()) {
            Increment inc = increment(state, c, bucket);
            inc.samples++;
            if (!state.stale()) {
                inc.maxOccupied = Math.max(inc.maxOccupied, c.occupied());
            }
        }
    }

    public Map<Key, Increment> buckets() {
        return buckets;
    }

    /** The bucket increments summed per local day. */
    public Map<PeriodKey, Increment> days() {
        return rollUp(false);
    }

    /** The bucket increments summed per local month (the period is the month's first day). */
    public Map<PeriodKey, Increment> months() {
        return rollUp(true);
    }

    private Map<PeriodKey, Increment> rollUp(boolean month) {
        Map<PeriodKey, Increment> periods = new LinkedHashMap<>();
        buckets.forEach((key, inc) -> {
            LocalDate day = LocalDate.ofInstant(key.start(), LOCAL);
            PeriodKey pk = new PeriodKey(key.placeId(), key.category(), month ? day.withDayOfMonth(1) : day);
            periods.computeIfAbsent(pk, k -> new Increment(inc.kind, inc.operatorId, inc.districtCode,
                    inc.capacity)).add(inc);
        });
        return periods;
    }

    private Increment increment(PlaceState state, PlaceState.CategoryState c, Instant bucket) {
        Increment inc = buckets.computeIfAbsent(new Key(state.placeId(), c.category(), bucket),
                k -> new Increment(state.kind(), state.operatorId(), state.districtCode(), c.capacity()));
        inc.capacity = Math.max(inc.capacity, c.capacity());
        return inc;
    }

    private static double seconds(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to).toNanos() / 1e9 : 0;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
