package dev.citypark.core;

/** The request collides with the current state (a stale version, a duplicate). Answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
