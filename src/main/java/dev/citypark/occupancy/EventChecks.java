package dev.citypark.occupancy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.citypark.core.InvalidValueException;
import dev.citypark.registry.SpaceCategory;

/** Validation helpers of the event records; every failure names the JSON field. */
final class EventChecks {

    /** Largest count or flow a single report may carry per category. */
    static final int MAX_COUNT = 100_000;

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private EventChecks() {
    }

    static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    /** An unmodifiable copy with every value in 0..{@value #MAX_COUNT}; null means empty. */
    static Map<SpaceCategory, Integer> counts(String field, Map<SpaceCategory, Integer> counts) {
        if (counts == null || counts.isEmpty()) {
            return Map.of();
        }
        EnumMap<SpaceCategory, Integer> copy = new EnumMap<>(SpaceCategory.class);
        counts.forEach((category, value) -> {
            if (category == null) {
                throw new InvalidValueException(field, field + " has a null category");
            }
            String name = field + "." + category.name();
            if (value == null) {
                throw new InvalidValueException(name, name + " is required");
            }
            if (value < 0) {
                throw new InvalidValueException(name, name + " must not be negative, was " + value);
            }
            if (value > MAX_COUNT) {
                throw new InvalidValueException(name, name + " must be at most " + MAX_COUNT + ", was " + value);
            }
            copy.put(category, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    static Long sequence(Long sequence) {
        if (sequence != null && sequence < 0) {
            throw new InvalidValueException("sequence", "sequence must not be negative, was " + sequence);
        }
        return sequence;
    }

    static String eventId(String eventId) {
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            throw new InvalidValueException("eventId", "eventId must be 1-64 characters of letters, digits, "
                    + "'.', '_', ':' or '-' (a UUID, say)" + (eventId == null ? " and is required" : ""));
        }
        return eventId;
    }
}
