package dev.citypark.availability.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.live.LiveKeys;
import dev.citypark.availability.live.LiveMeta;
import dev.citypark.availability.live.LiveStore;
import dev.citypark.occupancy.OccupancyTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Every minute (by default) one instance writes the live state to PostgreSQL with the Kafka offsets it includes:
 * first the consumer group's committed offsets (offsets are committed only after Redis applied everything before
 * them), then every place's state, each read atomically. The snapshot may hold events after those offsets too;
 * replaying them is harmless, because applying is idempotent. A Redis that lost its state (no generation) or is being
 * rebuilt is never snapshotted, so an empty Redis cannot overwrite a good snapshot.
 */
@Component
class Snapshotter {

    private static final Logger log = LoggerFactory.getLogger(Snapshotter.class);
    static final String LOCK = "snapshot";
    static final String SESSIONS_TOPIC = "citypark.sessions.v1";

    private final LiveStore store;
    private final LiveMeta meta;
    private final LivePlaces places;
    private final SnapshotStore snapshots;
    private final Admin admin;
    private final AvailabilityProperties properties;
    private final String instance = UUID.randomUUID().toString();

    Snapshotter(LiveStore store, LiveMeta meta, LivePlaces places, SnapshotStore snapshots, Admin admin,
            AvailabilityProperties properties) {
        this.store = store;
        this.meta = meta;
        this.places = places;
        this.snapshots = snapshots;
        this.admin = admin;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${citypark.availability.snapshots.interval:1m}",
            initialDelayString = "${citypark.availability.snapshots.interval:1m}")
    Mono<Void> scheduled() {
        if (!properties.snapshots().enabled()) {
            return Mono.empty();
        }
        return takeSnapshot().then().onErrorResume(e -> {
            log.warn("Availability snapshot failed, will try again: {}", e.toString());
            return Mono.empty();
        });
    }

    /** Takes a snapshot now; emits its id, or nothing if another instance is taking one or Redis has no state. */
    Mono<Long> takeSnapshot() {
        return meta.epoch()
                .filterWhen(epoch -> meta.isLocked(LiveStateGuardian.LOCK).map(locked -> !locked))
                .filterWhen(epoch -> meta.lock(LOCK, instance, Duration.ofMinutes(5)))
                .flatMap(epoch -> Mono.usingWhen(Mono.just(epoch), this::snapshot, locked -> meta.unlock(LOCK)));
    }

    private Mono<Long> snapshot(String epoch) {
        Instant takenAt = Instant.now();
        String group = properties.consumer().groupId();
        return committedOffsets(group).flatMap(offsets -> Flux.fromIterable(places.all())
                .flatMapSequential(place -> store.dump(place).map(dump -> Map.entry(LiveKeys.token(place), dump))
                        .retryWhen(Retry.backoff(3, Duration.ofMillis(200))), 128)
                .filter(entry -> !entry.getValue().isEmpty())
                .collectList()
                .filterWhen(dumps -> meta.epoch().map(epoch::equals).defaultIfEmpty(false))
                .publishOn(Schedulers.parallel())
                .map(dumps -> new Packed(dumps.size(), PlaceDumps.pack(dumps)))
                .flatMap(packed -> snapshots.insert(takenAt, group, offsets, packed.places(), packed.bytes())
                        .flatMap(id -> snapshots.prune(properties.snapshots().keep()).thenReturn(id))
                        .doOnNext(id -> log.info("Availability snapshot {}: {} places, {} KB, offsets {}", id,
                                packed.places(), packed.bytes().length / 1024, SnapshotStore.offsetsJson(offsets)))));
    }

    private Mono<Map<TopicPartition, Long>> committedOffsets(String group) {
        Set<String> topics = Set.of(OccupancyTopics.OCCUPANCY, SESSIONS_TOPIC);
        return Mono.fromFuture(() -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .toCompletionStage().toCompletableFuture())
                .map(committed -> committed.entrySet().stream()
                        .filter(e -> e.getValue() != null && topics.contains(e.getKey().topic()))
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> offset(e.getValue()))));
    }

    private static long offset(OffsetAndMetadata committed) {
        return committed.offset();
    }

    private record Packed(int places, byte[] bytes) {
    }
}
