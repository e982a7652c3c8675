package dev.citypark.core;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every capability, under {@code citypark.core.*}.
 *
 * @param publicUrl             the URL clients reach this instance at, for the startup line and links; empty means
 *                              {@code http://localhost:<port>}
 * @param kafkaReadinessTimeout how long startup waits for every declared topic to exist with a leader per partition
 * @param outbox                the transactional outbox relay
 */
@ConfigurationProperties("citypark.core")
public record CoreProperties(
        @DefaultValue("") String publicUrl,
        @DefaultValue("60s") Duration kafkaReadinessTimeout,
        @DefaultValue Outbox outbox) {

    /**
     * @param pollInterval pause between relay passes when the outbox was empty
     * @param batchSize    rows published per pass
     * @param retention    how long published rows are kept before housekeeping deletes them
     */
    public record Outbox(
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("7d") Duration retention) {

        public Outbox {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("citypark.core.outbox.batch-size must be 1..10000, was " + batchSize);
            }
        }
    }
}
