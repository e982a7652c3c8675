package dev.citypark.availability;

/**
 * What a place shows: {@code OPEN} with room, {@code ALMOST_FULL} and {@code FULL} (both with hysteresis so screens do
 * not flicker), {@code CLOSED} as reported by the operator, and {@code UNKNOWN} when nothing fresh is known — never
 * counted as free.
 */
public enum AvailabilityStatus {
    OPEN,
    ALMOST_FULL,
    FULL,
    CLOSED,
    UNKNOWN
}
