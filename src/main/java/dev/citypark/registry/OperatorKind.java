package dev.citypark.registry;

/** What kind of business runs a lot or a street segment. */
public enum OperatorKind {
    /** Runs off-street car parks (surface lots, garages). */
    GARAGE_COMPANY,
    /** Holds a district's concession for paid on-street parking. */
    ON_STREET_CONCESSION,
    /** Operates bay sensors (geomagnetic, video) and reports through its own gateway. */
    SENSOR_GATEWAY
}
