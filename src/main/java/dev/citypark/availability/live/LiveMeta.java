package dev.citypark.availability.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.TopicPartition;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Facts about the live state as a whole, in the hash {@value LiveKeys#META}: its generation ({@code epoch}, a new one
 * each time Redis is rebuilt), and per partition the offset consumers must replay from after a rebuild
 * ({@code replay:<topic>:<partition>}) and whether a consumer already went back there for the current generation
 * ({@code done:<topic>:<partition>}). A Redis without this hash has lost its state (restarted empty, flushed): nothing
 * is applied to it until it is rebuilt.
 */
@Component
public class LiveMeta {

    public static final String EPOCH = "epoch";

    private final ReactiveStringRedisTemplate redis;

    LiveMeta(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    public Mono<Map<String, String>> read() {
        return redis.<String, String>opsForHash().entries(LiveKeys.META)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The current generation, empty if Redis holds no live state. */
    public Mono<String> epoch() {
        return redis.<String, String>opsForHash().get(LiveKeys.META, EPOCH);
    }

    /** Takes the lock of a named job (rebuild, snapshot) for at most {@code ttl}; true if this caller got it. */
    public Mono<Boolean> lock(String job, String owner, Duration ttl) {
        return redis.opsForValue().setIfAbsent(LiveKeys.META + ":" + job, owner, ttl);
    }

    public Mono<Boolean> isLocked(String job) {
        return redis.hasKey(LiveKeys.META + ":" + job);
    }

    public Mono<Void> unlock(String job) {
        return redis.delete(LiveKeys.META + ":" + job).then();
    }

    /** Starts a new generation (after a rebuild) with the offsets consumers replay from. Atomic. */
    public Mono<Void> begin(String epoch, Optional<Long> snapshotId, Map<TopicPartition, Long> replayFrom) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(EPOCH, epoch);
        fields.put("snapshot", snapshotId.map(Object::toString).orElse("none"));
        fields.put("rebuiltAt", Instant.now().toString());
        replayFrom.forEach((partition, offset) -> fields.put(replayField(partition), Long.toString(offset)));
        return redis.delete(LiveKeys.META)
                .then(redis.<String, String>opsForHash().putAll(LiveKeys.META, fields))
                .then();
    }

    /** Records that the consumers of these partitions went back to the replay offsets of {@code epoch}. */
    public Mono<Void> markReplayed(Collection<TopicPartition> partitions, String epoch) {
        Map<String, String> fields = new LinkedHashMap<>();
        partitions.forEach(partition -> fields.put(doneField(partition), epoch));
        return fields.isEmpty() ? Mono.empty()
                : redis.<String, String>opsForHash().putAll(LiveKeys.META, fields).then();
    }

    public static String replayField(TopicPartition partition) {
        return "replay:" + partition.topic() + ":" + partition.partition();
    }

    public static String doneField(TopicPartition partition) {
        return "done:" + partition.topic() + ":" + partition.partition();
    }
}
