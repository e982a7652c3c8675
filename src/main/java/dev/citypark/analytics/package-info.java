/**
 * Analytics for the traffic bureau: occupancy history (time-weighted 5-minute buckets with daily and monthly
 * roll-ups, from the applied place states availability publishes), session facts (plates replaced by a keyed hash),
 * the bureau API (utilization, turnover, dwell, peaks, heatmap, operator data quality, CSV), and per-lot forecasts.
 * <p>
 * Public API for other modules: {@link dev.citypark.analytics.OccupancyForecasts} (search may use it for
 * {@code arriveAt}) with {@link dev.citypark.analytics.LotForecast}; {@link dev.citypark.analytics.AnalyticsProperties}.
 * Everything in sub-packages is internal: {@code history} and {@code sessions} write, {@code query} reads,
 * {@code forecast} forecasts, {@code messaging} consumes Kafka, {@code web} is the REST adapter.
 */
package dev.citypark.analytics;
