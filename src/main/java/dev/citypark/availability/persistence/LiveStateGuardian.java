package dev.citypark.availability.persistence;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.live.LiveKeys;
import dev.citypark.availability.live.LiveMeta;
import dev.citypark.availability.live.LiveStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Makes sure Redis holds live state. At startup (before the consumers start) and then every few seconds it checks
 * the generation marker ({@link LiveMeta}); if Redis has none — first start, a Redis restarted empty, a flush — one
 * instance (lock) rebuilds it: every place is replaced by its state in the latest snapshot (or cleared), then a new
 * generation starts with the snapshot's offsets, and every consumer goes back to those offsets and replays the topics
 * from there ({@code messaging.ReplayGuard}). Until then the consumers apply nothing, so no half state can appear, and
 * a place without state reads UNKNOWN, never free.
 */
@Component
class LiveStateGuardian implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStateGuardian.class);
    static final String LOCK = "rebuild";
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(10);

    private final LiveStore store;
    private final LiveMeta meta;
    private final LivePlaces places;
    private final SnapshotStore snapshots;
    private final String instance = UUID.randomUUID().toString();
    private volatile boolean running;
    private volatile boolean started;

    LiveStateGuardian(LiveStore store, LiveMeta meta, LivePlaces places, SnapshotStore snapshots,
            AvailabilityProperties properties) {
        this.store = store;
        this.meta = meta;
        this.places = places;
        this.snapshots = snapshots;
    }

    @Override
    public void start() {
        if (!started) {
            // main thread, startup only: the consumers start after this, on a Redis that holds state. A later
            // restart of the context (stop/start) leaves the check to the scheduled watch: the Redis connection
            // factory restarts in a later phase than this one.
            rebuildIfEmpty().block(STARTUP_LIMIT);
            started = true;
        }
        running = true;
    }

    @Scheduled(fixedDelayString = "${citypark.availability.snapshots.watch-interval:5s}",
            initialDelayString = "${citypark.availability.snapshots.watch-interval:5s}")
    Mono<Void> watch() {
        return rebuildIfEmpty().then().onErrorResume(e -> {
            log.warn("Checking or rebuilding the live state failed, will try again: {}", e.toString());
            return Mono.empty();
        });
    }

    /** Rebuilds Redis if it holds no live state and no other instance is at it; emits whether this call rebuilt. */
    Mono<Boolean> rebuildIfEmpty() {
        return meta.epoch().hasElement()
                .flatMap(present -> present ? Mono.just(false) : meta.lock(LOCK, instance, Duration.ofMinutes(10))
                        .flatMap(locked -> !locked ? Mono.just(false)
                                : Mono.usingWhen(Mono.just(instance), i -> rebuild(), i -> meta.unlock(LOCK))));
    }

    private Mono<Boolean> rebuild() {
        long started = System.nanoTime();
        return snapshots.latest()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .publishOn(Schedulers.parallel())
                .map(snapshot -> new Restore(snapshot, snapshot.map(s -> PlaceDumps.unpack(s.state()))
                        .orElseGet(HashMap::new)))
                .flatMap(restore -> Flux.fromIterable(places.all())
                        .flatMap(place -> store.restore(place, restore.dumps().getOrDefault(LiveKeys.token(place), ""))
                                .retryWhen(Retry.backoff(5, Duration.ofMillis(200))), 64)
                        .then(meta.begin(newEpoch(), restore.snapshot().map(Snapshot::id),
                                restore.snapshot().map(Snapshot::offsets).orElseGet(Map::of)))
                        .doOnSuccess(done -> log.info("Live availability rebuilt in {} ms from {}; consumers replay "
                                        + "Kafka from {}", Duration.ofNanos(System.nanoTime() - started).toMillis(),
                                restore.snapshot().map(s -> "snapshot " + s.id() + " of " + s.takenAt() + " ("
                                        + s.places() + " places)").orElse("no snapshot (empty state)"),
                                restore.snapshot().map(s -> SnapshotStore.offsetsJson(s.offsets()))
                                        .orElse("the beginning")))
                        .thenReturn(true));
    }

    /** A generation id: unique enough, and (unlike {@code UUID.randomUUID()}) it never reads /dev/urandom. */
    private static String newEpoch() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private record Restore(Optional<Snapshot> snapshot, Map<String, String> dumps) {
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the registry snapshot is loaded, before the Kafka listener containers. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 3000;
    }

}
