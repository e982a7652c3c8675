package dev.citypark.security.ratelimit;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Token buckets (bucket4j, lock-free local buckets: no blocking on event loops) per group and caller key, in
 * memory. The map is bounded: past {@code max-tracked-keys}, buckets idle for longer than their group's period —
 * which are full again, so forgetting them changes nothing — are swept, at most once a second.
 */
public final class RateLimiter {

    /** What a request is counted against. */
    public enum Group { OPERATOR, DRIVER, BUREAU, ADMIN, ANONYMOUS, ANONYMOUS_SEARCH, AUTH }

    private final Map<Group, RateLimitProperties.Limit> limits = new EnumMap<>(Group.class);
    private final ConcurrentHashMap<String, Tracked> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;
    private final int maxTrackedKeys;
    private final AtomicLong lastSweepNanos = new AtomicLong();

    private record Tracked(Bucket bucket, Group group, AtomicLong lastUsedNanos) {
    }

    public RateLimiter(RateLimitProperties properties, TimeMeter time) {
        limits.put(Group.OPERATOR, properties.operator());
        limits.put(Group.DRIVER, properties.driver());
        limits.put(Group.BUREAU, properties.bureau());
        limits.put(Group.ADMIN, properties.admin());
        limits.put(Group.ANONYMOUS, properties.anonymous());
        limits.put(Group.ANONYMOUS_SEARCH, properties.anonymousSearch());
        limits.put(Group.AUTH, properties.auth());
        this.time = time;
        this.maxTrackedKeys = properties.maxTrackedKeys();
    }

    /** Takes one request from the bucket of {@code key} in {@code group}: empty if allowed, else how long to wait. */
    public Optional<Duration> tryConsume(Group group, String key) {
        long now = time.currentTimeNanos();
        Tracked tracked = buckets.computeIfAbsent(group.name() + ':' + key,
                k -> new Tracked(newBucket(limits.get(group)), group, new AtomicLong(now)));
        tracked.lastUsedNanos().set(now);
        ConsumptionProbe probe = tracked.bucket().tryConsumeAndReturnRemaining(1);
        if (buckets.size() > maxTrackedKeys) {
            sweep(now);
        }
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    int trackedKeys() {
        return buckets.size();
    }

    private Bucket newBucket(RateLimitProperties.Limit limit) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private void sweep(long now) {
        long last = lastSweepNanos.get();
        if (now - last < 1_000_000_000L || !lastSweepNanos.compareAndSet(last, now)) {
            return;
        }
        buckets.values().removeIf(t -> now - t.lastUsedNanos().get() > limits.get(t.group()).period().toNanos());
    }
}
