package dev.citypark.registry;

/** An {@code If-Match} or {@code If-None-Match} precondition does not hold for the stored lot (HTTP 412). */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
