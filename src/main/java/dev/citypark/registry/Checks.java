package dev.citypark.registry;

import dev.citypark.core.InvalidValueException;

import java.util.List;
import java.util.regex.Pattern;

/** Small validation helpers shared by the registry's value objects; every failure names its field. */
final class Checks {

    private static final Pattern LOCAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern DISTRICT_CODE = Pattern.compile("[1-8][0-9]{5}");

    private Checks() {
    }

    static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    /** Non-blank text of at most {@code maxLength} characters, trimmed. */
    static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /** A local identifier (node, zone, shaft, QR anchor, screen, tariff): same syntax as the core typed ids. */
    static String localId(String field, String value) {
        if (value == null || !LOCAL_ID.matcher(value).matches()) {
            throw new InvalidValueException(field,
                    field + " must be 1-64 characters of letters, digits, '.', '_' or '-', was "
                            + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    /** A six-digit Chinese administrative division code (GB/T 2260, as used by the NBS), e.g. 370202. */
    static String districtCode(String field, String value) {
        if (value == null || !DISTRICT_CODE.matcher(value).matches()) {
            throw new InvalidValueException(field,
                    field + " must be a six-digit administrative division code, was "
                            + (value == null ? "null" : "'" + value + "'"));
        }
        return value;
    }

    static <T> List<T> list(String field, List<T> values) {
        require(field, values);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidValueException(field + "[" + i + "]", field + "[" + i + "] is required");
            }
        }
        return List.copyOf(values);
    }

    static void version(long version) {
        if (version < 0) {
            throw new InvalidValueException("version", "version must not be negative, was " + version);
        }
    }
}
