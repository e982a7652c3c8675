package dev.citypark.availability;

/** A bay's state as of the read; {@code UNKNOWN} when its last report is stale or there never was one. */
public enum BayState {
    FREE,
    OCCUPIED,
    UNKNOWN
}
