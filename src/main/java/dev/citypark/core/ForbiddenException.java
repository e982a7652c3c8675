package dev.citypark.core;

/** The caller is known but may not touch this object (another operator's lot, say). Answered with 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
