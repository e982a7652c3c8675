package dev.citypark.findmycar;

/** Which floor changes a walking route may use. */
public enum Access {
    /** Elevators and stairs. */
    ANY,
    /** Elevators only (wheelchairs, prams, luggage): a stairs edge between floors is never taken. */
    STEP_FREE
}
