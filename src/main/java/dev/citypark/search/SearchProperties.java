package dev.citypark.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Search settings, under {@code citypark.search.*}.
 *
 * @param recentWindow    how much history of free counts each place keeps in memory for the trend predictor (at
 *                        least the predictor's 30-minute window)
 * @param recentSpacing   at most one remembered sample per place per this interval
 * @param recentMaxPlaces places whose recent counts are remembered at most (memory bound)
 */
@ConfigurationProperties("citypark.search")
public record SearchProperties(
        @DefaultValue("35m") Duration recentWindow,
        @DefaultValue("30s") Duration recentSpacing,
        @DefaultValue("100000") int recentMaxPlaces) {

    public SearchProperties {
        if (recentWindow.isNegative() || recentWindow.isZero() || recentSpacing.isNegative()
                || recentSpacing.isZero() || recentMaxPlaces < 1) {
            throw new IllegalArgumentException("citypark.search: recent-window and recent-spacing must be positive, "
                    + "recent-max-places at least 1");
        }
    }
}
