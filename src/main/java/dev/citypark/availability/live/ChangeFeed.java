package dev.citypark.availability.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.citypark.availability.AvailabilityChange;
import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.PlaceRef;
import dev.citypark.occupancy.OccupancyValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;

/**
 * One fan-out per instance: a single Redis pub/sub subscription hears which places changed (from whichever
 * instance's consumer applied the event), a {@link Coalescer} merges changes to at most one per place per interval,
 * and every due batch of places is read from Redis once (pipelined) and multicast to all in-process subscribers
 * (SSE streams, other modules). Thousands of subscribers cost no extra Redis reads. Nothing is read while nobody
 * listens.
 * <p>
 * The two subscriptions (pub/sub, ticker) are owned by this lifecycle bean: started with the application, disposed on
 * stop, and resubscribed with backoff after an error (a Redis restart, say).
 */
@Component
public class ChangeFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);
    static final Duration TICK = Duration.ofMillis(20);

    private final ReactiveStringRedisTemplate redis;
    private final LiveStore store;
    private final LiveView view;
    private final OccupancyValidator places;
    private final Coalescer coalescer;
    private volatile Sinks.Many<AvailabilityChange> sink = Sinks.many().multicast().directBestEffort();
    private volatile Disposable.Composite running = Disposables.composite();
    private volatile boolean started;
    private volatile boolean completed;

    ChangeFeed(ReactiveStringRedisTemplate redis, LiveStore store, OccupancyValidator places,
            AvailabilityProperties properties) {
        this.redis = redis;
        this.store = store;
        this.view = new LiveView(properties);
        this.places = places;
        this.coalescer = new Coalescer(properties.coalesce().toMillis());
    }

    /** The hot, coalesced stream of changes. */
    public Flux<AvailabilityChange> changes() {
        return sink.asFlux();
    }

    @Override
    public void start() {
        if (completed) {
            // restarted after a stop, which completed the old stream
            sink = Sinks.many().multicast().directBestEffort();
            completed = false;
        }
        running = Disposables.composite();
        running.add(redis.listenToChannel(LiveKeys.CHANGES_CHANNEL)
                .doOnNext(message -> {
                    long now = System.currentTimeMillis();
                    for (String token : message.getMessage().split(",")) {
                        if (!token.isEmpty()) {
                            coalescer.offer(LiveKeys.fromToken(token), now);
                        }
                    }
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Availability change subscription failed, resubscribing: {}",
                                s.failure().toString())))
                .subscribe());
        running.add(Flux.interval(TICK)
                .onBackpressureDrop()
                .concatMap(tick -> emitDue(), 1)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Availability change fan-out failed, restarting: {}",
                                s.failure().toString())))
                .subscribe());
        started = true;
    }

    private Mono<Void> emitDue() {
        Sinks.Many<AvailabilityChange> sink = this.sink;
        List<PlaceRef> due = coalescer.drainDue(System.currentTimeMillis());
        if (due.isEmpty() || sink.currentSubscriberCount() == 0) {
            return Mono.empty();
        }
        return store.read(due)
                .doOnNext(hashes -> {
                    Instant now = Instant.now();
                    hashes.forEach((ref, hash) -> places.findPlace(ref.id())
                            .filter(place -> place.kind() == ref.kind())
                            .ifPresent(place -> sink.tryEmitNext(
                                    new AvailabilityChange(view.place(place, hash, now), now))));
                })
                .then();
    }

    /** Stops fanning out and completes the stream, so open SSE responses end and shutdown need not wait for them. */
    @Override
    public void stop() {
        started = false;
        running.dispose();
        sink.tryEmitComplete();
        completed = true;
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
