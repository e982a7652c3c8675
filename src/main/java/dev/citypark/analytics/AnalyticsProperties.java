package dev.citypark.analytics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Analytics settings, under {@code citypark.analytics.*}.
 *
 * @param plateHashKey    the HMAC-SHA256 key plates are hashed with before they are stored (session facts keep
 *                        only the hash). The default is a DEVELOPMENT key, published in this repository: set
 *                        {@code CITYPARK_ANALYTICS_PLATE_HASH_KEY} in production (a warning is logged otherwise)
 * @param maxPoints       most points one series of a utilization answer may have (finer intervals over longer
 *                        ranges are refused with 400)
 * @param maxRange        longest range a query may span
 * @param flushIdleAfter  a place whose last state arrived longer ago than this has its state carried forward to now
 *                        (so buckets after the last report exist, as stale time once it is old enough)
 * @param qualityWindow   the window of the operator data-quality report
 * @param consumer        the Kafka consumers (own consumer group) of the history and session topics
 * @param forecast        the per-lot forecasts
 */
@ConfigurationProperties("citypark.analytics")
public record AnalyticsProperties(
        @DefaultValue(DEV_PLATE_HASH_KEY) String plateHashKey,
        @DefaultValue("2000") int maxPoints,
        @DefaultValue("400d") Duration maxRange,
        @DefaultValue("10m") Duration flushIdleAfter,
        @DefaultValue("24h") Duration qualityWindow,
        @DefaultValue Consumer consumer,
        @DefaultValue Forecast forecast) {

    /** The development default of {@link #plateHashKey()}: public, never for production. */
    public static final String DEV_PLATE_HASH_KEY = "DEV-ONLY-analytics-plate-hash-key-do-not-use-in-production";

    public AnalyticsProperties {
        if (plateHashKey == null || plateHashKey.length() < 16) {
            throw new IllegalArgumentException("citypark.analytics.plate-hash-key must have at least 16 characters");
        }
        if (maxPoints < 1) {
            throw new IllegalArgumentException("citypark.analytics.max-points must be >= 1");
        }
    }

    public boolean usesDevPlateHashKey() {
        return DEV_PLATE_HASH_KEY.equals(plateHashKey);
    }

    /**
     * @param groupId     the consumer group (every instance shares it)
     * @param enabled     whether the consumers run
     * @param concurrency consumer threads per topic
     */
    public record Consumer(@DefaultValue("citypark-analytics") String groupId, @DefaultValue("true") boolean enabled,
                           @DefaultValue("2") int concurrency) {
    }

    /**
     * @param enabled  whether lots are forecast on a schedule
     * @param every    how often every lot with history is forecast
     * @param horizon  how far ahead
     * @param step     the step of the forecast
     * @param weeks    how many previous weeks the baseline averages
     * @param recent   the recent window the baseline is scaled by
     */
    public record Forecast(@DefaultValue("true") boolean enabled, @DefaultValue("15m") Duration every,
                           @DefaultValue("2h") Duration horizon, @DefaultValue("15m") Duration step,
                           @DefaultValue("4") int weeks, @DefaultValue("2h") Duration recent) {
    }
}
