package dev.citypark.availability;

/** Where a place's numbers come from. */
public enum CountSource {
    /** Nothing reported yet. */
    NONE,
    /** Lot counts, flows and gate events. */
    LOT_COUNTS,
    /** Individual bay sensors (segments, garages with bay sensors). */
    BAY_SENSORS
}
