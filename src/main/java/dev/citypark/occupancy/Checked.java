package dev.citypark.occupancy;

/** The outcome of checking one event against the registry: a {@link ValidatedEvent} or a {@link Rejection}. */
public sealed interface Checked permits ValidatedEvent, Rejection {
}
