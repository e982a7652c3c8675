package dev.citypark.registry;

/** Which way vehicles pass a lot's gate. */
public enum GateKind {
    ENTRY,
    EXIT,
    BOTH
}
