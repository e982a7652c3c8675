package dev.citypark.session;

/** Which way a vehicle passed a gate. */
public enum Direction {
    ENTRY,
    EXIT
}
