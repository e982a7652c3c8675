package dev.citypark.availability.live;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.PlaceRef;
import dev.citypark.registry.SpaceCategory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live state in Redis: applies observations through the atomic {@code apply.lua} script (event-time ordered,
 * idempotent, clamped) and reads place hashes back, many at once. Commands for many places are issued without
 * waiting for each other on Lettuce's shared connection (pipelined), in order, so one place's updates are applied in
 * the order given. Thread-safe and non-blocking.
 */
@Component
public class LiveStore {

    /** Commands in flight per call: enough to fill the pipe, bounded so a huge batch cannot flood the connection. */
    static final int PIPELINE = 512;

    /** Read once at class initialisation (startup): the script text must not be read from disk on an event loop. */
    private static final RedisScript<String> APPLY = Scripts.load("apply.lua", String.class);
    private static final RedisScript<String> DUMP = Scripts.load("dump.lua", String.class);
    private static final RedisScript<Long> RESTORE = Scripts.load("restore.lua", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final String[] thresholds;
    private final long flowWindowMillis;

    public LiveStore(ReactiveStringRedisTemplate redis, AvailabilityProperties properties) {
        this.redis = redis;
        this.thresholds = Hysteresis.of(properties).scriptArguments();
        this.flowWindowMillis = properties.flowWindow().toMillis();
    }

    /** Applies the updates in order (pipelined); emits one result per update, in the same order. */
    public Mono<List<ApplyResult>> apply(List<LiveUpdate> updates, Instant now) {
        if (updates.isEmpty()) {
            return Mono.just(List.of());
        }
        String nowMillis = Long.toString(now.toEpochMilli());
        return Flux.fromIterable(updates)
                .flatMapSequential(update -> redis.execute(APPLY,
                                List.of(LiveKeys.place(update.place()), LiveKeys.flows(update.place())),
                                arguments(update, nowMillis))
                        .next()
                        .map(reply -> result(update, reply)), PIPELINE)
                .collectList();
    }

    private List<String> arguments(LiveUpdate update, String nowMillis) {
        List<String> args = new ArrayList<>(12 + update.arguments().size());
        args.add(update.operation());
        args.add(nowMillis);
        for (SpaceCategory category : SpaceCategory.values()) {
            args.add(Integer.toString(update.capacity().count(category)));
        }
        args.add(thresholds[0]);
        args.add(thresholds[1]);
        args.add(thresholds[2]);
        args.add(Long.toString(flowWindowMillis));
        args.addAll(update.arguments());
        return args;
    }

    private static ApplyResult result(LiveUpdate update, String reply) {
        int bar = reply.indexOf('|');
        String status = reply.substring(bar + 1);
        return new ApplyResult(update, ApplyOutcome.parse(reply.substring(0, bar)),
                status.isEmpty() ? null : AvailabilityStatus.valueOf(status));
    }

    /** The hash of one place (empty if nothing was ever reported). */
    public Mono<Map<String, String>> read(PlaceRef place) {
        return redis.<String, String>opsForHash().entries(LiveKeys.place(place))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * The hashes of many places in one pipelined round trip, in the order given. All commands go through one
     * reactive connection handle (not one per command, as the template's per-operation calls would): with hundreds of
     * places per read that handle's setup and teardown was most of the work on Lettuce's I/O thread.
     */
    public Mono<Map<PlaceRef, Map<String, String>>> read(Collection<PlaceRef> places) {
        if (places.isEmpty()) {
            return Mono.just(new LinkedHashMap<>());
        }
        return redis.execute(connection -> Flux.fromIterable(places)
                        .flatMapSequential(place -> connection.hashCommands()
                                .hGetAll(ByteBuffer.wrap(LiveKeys.place(place).getBytes(StandardCharsets.UTF_8)))
                                .collect(LinkedHashMap<String, String>::new,
                                        (hash, field) -> hash.put(text(field.getKey()), text(field.getValue())))
                                .map(hash -> Map.<PlaceRef, Map<String, String>>entry(place, hash)), PIPELINE))
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    /** The buffer's remaining bytes as UTF-8 text, without moving its position (String's own ASCII fast path). */
    private static String text(ByteBuffer bytes) {
        if (bytes.hasArray()) {
            return new String(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining(),
                    StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    /** One bay's stored state ({@code null}-free: empty if never reported). */
    public Mono<String> readBay(PlaceRef place, String bayId) {
        return redis.<String, String>opsForHash().get(LiveKeys.place(place), "b." + bayId);
    }

    /**
     * Bay fields of many places in one pipelined round trip: one {@code HMGET} per place, in the order given. Each
     * list holds the stored value of every asked bay in order, {@code null} for a bay never reported.
     */
    public Mono<Map<PlaceRef, List<String>>> readBays(Map<PlaceRef, List<String>> bayIdsByPlace) {
        return Flux.fromIterable(bayIdsByPlace.entrySet())
                .flatMapSequential(entry -> redis.<String, String>opsForHash()
                        .multiGet(LiveKeys.place(entry.getKey()),
                                entry.getValue().stream().map(id -> "b." + id).toList())
                        .map(values -> Map.entry(entry.getKey(), values)), PIPELINE)
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    /**
     * One place's whole state as JSON (hash and recent flows, read atomically), or an empty string if it has none:
     * what a snapshot stores.
     */
    public Mono<String> dump(PlaceRef place) {
        return redis.execute(DUMP, List.of(LiveKeys.place(place), LiveKeys.flows(place)), List.of())
                .next()
                .defaultIfEmpty("");
    }

    /** Replaces one place's state with a {@link #dump}; an empty dump clears the place. Atomic per place. */
    public Mono<Void> restore(PlaceRef place, String dump) {
        return redis.execute(RESTORE, List.of(LiveKeys.place(place), LiveKeys.flows(place)),
                List.of(dump, Long.toString(flowWindowMillis))).then();
    }

    /** Tells every instance (pub/sub) which places changed. */
    public Mono<Void> announce(Collection<PlaceRef> changed) {
        if (changed.isEmpty()) {
            return Mono.empty();
        }
        Set<String> tokens = new LinkedHashSet<>();
        changed.forEach(place -> tokens.add(LiveKeys.token(place)));
        return redis.convertAndSend(LiveKeys.CHANGES_CHANNEL, tokens.stream().collect(Collectors.joining(",")))
                .then();
    }
}
