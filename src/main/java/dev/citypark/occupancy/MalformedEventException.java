package dev.citypark.occupancy;

import dev.citypark.core.InvalidValueException;

/** The input is not a JSON object at all (as opposed to a JSON object of the wrong shape). */
public class MalformedEventException extends InvalidValueException {

    public MalformedEventException(String message) {
        super("", message);
    }
}
