package dev.citypark.analytics.query;

import java.time.Instant;
import java.util.List;

/**
 * The utilization answer (the JSON contract of {@code GET /api/v1/analytics/utilization}).
 *
 * @param series one per group key, in key order
 */
public record Utilization(String groupBy, String interval, Instant from, Instant to, List<Series> series) {

    /** One group: its key (lot, segment, district code or category), display name, capacity and points. */
    public record Series(String key, String name, long capacity, List<Point> points) {
    }

    /**
     * One step.
     *
     * @param occupancyRate occupied ÷ known space-time while fresh; null when the step had no fresh data
     * @param meanOccupied  occupancyRate × capacity (stale time excluded), null with it
     * @param maxOccupied   the sum over places and categories of the largest occupied count seen (an upper bound of
     *                      the group's peak; exact for one place with one category)
     * @param staleShare    unknown space-time ÷ all space-time with data
     */
    public record Point(Instant start, Double occupancyRate, Double meanOccupied, Integer maxOccupied,
                        Double staleShare) {
    }
}
