package dev.citypark.availability;

/** Remarks on the quality of a place's numbers. */
public enum AvailabilityFlag {
    /** Nothing fresh: the last report is older than the stale time; status {@code UNKNOWN}. */
    STALE,
    /** Some bays have no fresh report and count as unknown (neither free nor occupied). */
    PARTLY_STALE,
    /** A flow or gate event would have pushed a count below zero or above capacity and was held within bounds. */
    CLAMPED,
    /** At least one bay sensor has reported the same state for implausibly long (default 48 h). */
    POSSIBLY_STUCK_SENSOR
}
