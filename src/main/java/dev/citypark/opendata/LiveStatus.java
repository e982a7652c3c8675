package dev.citypark.opendata;

/** What a place reports live. "Unknown" is not a status: a place without a fresh value has no {@link LiveValue}. */
public enum LiveStatus {
    /** Open with free spaces. */
    SPACES_AVAILABLE,
    /** Open, few spaces left. */
    ALMOST_FULL,
    /** Open, no free space (a single bay: occupied). */
    FULL,
    /** Closed (outside opening hours, or closed by the operator). */
    CLOSED
}
