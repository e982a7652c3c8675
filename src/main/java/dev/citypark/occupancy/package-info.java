/**
 * Occupancy ingest: what sensors, lot counters and gateways report, checked at the border.
 * <p>
 * Public API: the versioned event model ({@link dev.citypark.occupancy.OccupancyEvent} with
 * {@link dev.citypark.occupancy.BayStatus}, {@link dev.citypark.occupancy.LotCount},
 * {@link dev.citypark.occupancy.LotFlow}; JSON schema {@value dev.citypark.occupancy.OccupancyEvents#SCHEMA} read and
 * written by {@link dev.citypark.occupancy.OccupancyEvents}), the registry check
 * ({@link dev.citypark.occupancy.OccupancyValidator}), the topic names ({@link dev.citypark.occupancy.OccupancyTopics}),
 * the REST/programmatic entry point ({@link dev.citypark.occupancy.OccupancyIngest}) and the per-operator counters
 * ({@link dev.citypark.occupancy.IngestCounters}). Every accepted event goes to Kafka; the availability module
 * consumes the topic and keeps live state, so REST and Kafka producers share one path.
 */
package dev.citypark.occupancy;
