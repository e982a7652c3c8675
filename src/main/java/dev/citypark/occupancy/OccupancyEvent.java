package dev.citypark.occupancy;

import java.time.Instant;

import dev.citypark.core.OperatorId;

/**
 * One occupancy observation as an operator reports it (schema {@value OccupancyEvents#SCHEMA}). Each kind validates
 * itself on construction (shape, ranges); whether the place exists, belongs to the operator and the numbers fit its
 * capacity is checked against the registry by {@link OccupancyValidator}.
 */
public sealed interface OccupancyEvent permits BayStatus, LotCount, LotFlow {

    /** The operator reporting it; a report is only accepted for that operator's own lots and segments. */
    OperatorId operatorId();

    /** Event time: when the sensor or counter observed it (not when it reached citypark). */
    Instant observedAt();

    /** The {@code type} member of the JSON form: {@code BayStatus}, {@code LotCount} or {@code LotFlow}. */
    String type();
}
