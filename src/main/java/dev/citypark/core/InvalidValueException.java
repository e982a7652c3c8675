package dev.citypark.core;

/**
 * A value object refused its input. Carries the name of the offending field so the web layer can answer with an
 * RFC 9457 problem that names it.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
