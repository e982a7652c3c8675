package dev.citypark.session.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dev.citypark.core.InvalidValueException;

/** Parsing of wire values that names the offending field. */
final class Wire {

    private Wire() {
    }

    static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        }
        catch (DateTimeParseException e) {
            throw new InvalidValueException(field, field + " must be an ISO-8601 instant such as 2025-03-03T02:00:00Z");
        }
    }

    static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text);
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException(field, field + " must be a UUID");
        }
    }
}
