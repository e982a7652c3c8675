package dev.citypark.availability.persistence;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Snapshots of the live state in PostgreSQL (table {@code availability_snapshot}, V4). */
@Component
class SnapshotStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient database;

    SnapshotStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<Long> insert(Instant takenAt, String group, Map<TopicPartition, Long> offsets, int places, byte[] state) {
        return database.sql("INSERT INTO availability_snapshot (taken_at, consumer_group, offsets, places, bytes, state)"
                        + " VALUES (:takenAt, :group, CAST(:offsets AS jsonb), :places, :bytes, :state) RETURNING id")
                .bind("takenAt", takenAt.atOffset(java.time.ZoneOffset.UTC))
                .bind("group", group)
                .bind("offsets", offsetsJson(offsets))
                .bind("places", places)
                .bind("bytes", state.length)
                .bind("state", ByteBuffer.wrap(state))
                .map(row -> row.get("id", Long.class))
                .one();
    }

    /** The newest snapshot, empty if none was ever taken. */
    Mono<Snapshot> latest() {
        return database.sql("SELECT id, taken_at, offsets::text AS offsets, places, state FROM availability_snapshot "
                        + "ORDER BY id DESC LIMIT 1")
                .map(row -> new Snapshot(row.get("id", Long.class),
                        row.get("taken_at", OffsetDateTime.class).toInstant(),
                        parseOffsets(row.get("offsets", String.class)), row.get("places", Integer.class),
                        bytes(row.get("state", ByteBuffer.class))))
                .one();
    }

    /** Deletes all but the newest {@code keep} snapshots; emits how many were deleted. */
    Mono<Long> prune(int keep) {
        return database.sql("DELETE FROM availability_snapshot WHERE id NOT IN "
                        + "(SELECT id FROM availability_snapshot ORDER BY id DESC LIMIT :keep)")
                .bind("keep", keep)
                .fetch().rowsUpdated();
    }

    static String offsetsJson(Map<TopicPartition, Long> offsets) {
        Map<String, Map<String, Long>> byTopic = new TreeMap<>();
        offsets.forEach((partition, offset) -> byTopic.computeIfAbsent(partition.topic(), t -> new TreeMap<>(
                java.util.Comparator.comparingInt(Integer::parseInt))).put(Integer.toString(partition.partition()), offset));
        return JSON.writeValueAsString(byTopic);
    }

    static Map<TopicPartition, Long> parseOffsets(String json) {
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(json);
        for (Map.Entry<String, JsonNode> topic : root.properties()) {
            for (Map.Entry<String, JsonNode> partition : topic.getValue().properties()) {
                offsets.put(new TopicPartition(topic.getKey(), Integer.parseInt(partition.getKey())),
                        partition.getValue().longValue());
            }
        }
        return offsets;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
