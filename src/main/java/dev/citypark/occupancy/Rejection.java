package dev.citypark.occupancy;

import java.util.Objects;

/**
 * Why an event was refused, naming the offending field as a JSON path relative to the event ({@code bayId},
 * {@code free.GENERAL}, ...).
 */
public record Rejection(RejectReason reason, String field, String message) implements Checked {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** The same rejection with the field prefixed, e.g. {@code events[3].bayId}. */
    public Rejection under(String prefix) {
        return new Rejection(reason, field.isEmpty() ? prefix : prefix + "." + field, message);
    }
}
