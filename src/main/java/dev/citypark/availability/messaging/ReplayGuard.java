package dev.citypark.availability.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.availability.live.LiveMeta;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps consumers in step with the live state's generation. Before a batch is applied (and when a container is idle)
 * it reads {@link LiveMeta}: without a generation Redis lost its state, so it refuses (the container retries the batch
 * with backoff until the state is rebuilt); after a rebuild, every assigned partition not yet replayed for the new
 * generation is moved back to the snapshot's offset (the beginning when the snapshot has none), that offset is
 * committed, and the batch is not applied — it is fetched again from there. Runs on the consumer thread only.
 */
@Component
class ReplayGuard {

    private static final Logger log = LoggerFactory.getLogger(ReplayGuard.class);

    private final LiveMeta meta;

    ReplayGuard(LiveMeta meta) {
        this.meta = meta;
    }

    /** Whether the consumer was repositioned, in which case the current batch must not be applied. */
    boolean repositioned(Consumer<?, ?> consumer) {
        Map<String, String> fields = OccupancyBatchHandler.await(meta.read().toFuture(), "read the live state's meta");
        String epoch = fields.get(LiveMeta.EPOCH);
        if (epoch == null) {
            throw new IllegalStateException("Redis holds no live state (restarted empty or flushed); waiting for the "
                    + "rebuild from the latest snapshot");
        }
        Map<TopicPartition, Long> targets = new HashMap<>();
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (TopicPartition partition : consumer.assignment()) {
            if (epoch.equals(fields.get(LiveMeta.doneField(partition)))) {
                continue;
            }
            String offset = fields.get(LiveMeta.replayField(partition));
            if (offset == null) {
                fromBeginning.add(partition);
            }
            else {
                targets.put(partition, Long.parseLong(offset));
            }
        }
        if (targets.isEmpty() && fromBeginning.isEmpty()) {
            return false;
        }
        if (!fromBeginning.isEmpty()) {
            targets.putAll(consumer.beginningOffsets(fromBeginning));
        }
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        targets.forEach((partition, offset) -> {
            consumer.seek(partition, offset);
            commits.put(partition, new OffsetAndMetadata(offset));
        });
        consumer.commitSync(commits);
        OccupancyBatchHandler.await(meta.markReplayed(targets.keySet(), epoch).toFuture(), "mark replayed partitions");
        log.info("Live state generation {}: replaying {} from {}", epoch, targets.keySet(), targets);
        return true;
    }
}
