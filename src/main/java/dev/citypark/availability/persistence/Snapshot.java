package dev.citypark.availability.persistence;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * A persisted snapshot of the live state.
 *
 * @param id      its id (increasing)
 * @param takenAt when it was taken
 * @param offsets the consumer group's committed offsets when it began: every event before them is contained
 * @param places  places with state
 * @param state   gzip of lines {@code <place token>\t<dump>}
 */
record Snapshot(long id, Instant takenAt, Map<TopicPartition, Long> offsets, int places, byte[] state) {
}
