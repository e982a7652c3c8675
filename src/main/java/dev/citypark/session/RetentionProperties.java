package dev.citypark.session;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention job, under {@code citypark.session.retention-job.*}; how long settled sessions keep their plate is
 * {@code citypark.session.retention} (default 180d).
 *
 * @param interval  how often the job runs (also its first delay after startup)
 * @param batchSize sessions anonymised per transaction
 * @param plateKey  the secret key of the plate pseudonym (HMAC-SHA256); empty: plates are replaced by a constant,
 *                  so anonymised sessions of one vehicle can no longer be linked at all. Set it from the environment
 *                  ({@code CITYPARK_PLATE_PSEUDONYM_KEY}), never in the repository.
 */
@ConfigurationProperties("citypark.session.retention-job")
public record RetentionProperties(
        @DefaultValue("1h") Duration interval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("") String plateKey) {

    public RetentionProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("citypark.session.retention-job.batch-size must be at least 1");
        }
    }
}
