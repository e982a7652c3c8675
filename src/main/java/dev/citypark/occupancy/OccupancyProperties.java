package dev.citypark.occupancy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Occupancy ingest settings, under {@code citypark.occupancy.*}.
 *
 * @param maxClockSkew   how far in the future an {@code observedAt} may lie (sensor clocks drift)
 * @param maxBatchSize   events per REST batch
 * @param partitions     partitions of {@code citypark.occupancy.v1} and its dead-letter topic when created
 * @param sendTimeout    how long the REST ingest waits for the broker to acknowledge a batch
 * @param requireSignatures whether records on the occupancy topic must carry a valid signature of an operator's API
 *                       key ({@code security.RecordSignatures}); the REST ingest signs with the caller's key. Turn
 *                       off only where the topic is closed to everything but citypark (Kafka ACLs)
 */
@ConfigurationProperties("citypark.occupancy")
public record OccupancyProperties(
        @DefaultValue("5m") Duration maxClockSkew,
        @DefaultValue("1000") int maxBatchSize,
        @DefaultValue("6") int partitions,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("true") boolean requireSignatures) {

    public OccupancyProperties {
        if (maxClockSkew.isNegative()) {
            throw new IllegalArgumentException("citypark.occupancy.max-clock-skew must not be negative");
        }
        if (maxBatchSize < 1 || maxBatchSize > 10_000) {
            throw new IllegalArgumentException("citypark.occupancy.max-batch-size must be 1..10000, was "
                    + maxBatchSize);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("citypark.occupancy.partitions must be positive, was " + partitions);
        }
    }
}
