package dev.citypark.search;

import java.util.Locale;

import dev.citypark.core.InvalidValueException;

/** On the street (segments and their bays) or off the street (lots and garages): the {@code kind} search filter. */
public enum ParkingKind {
    ON_STREET,
    OFF_STREET;

    /**
     * Parses the API value, case-insensitively.
     *
     * @throws InvalidValueException (field {@code kind}) for anything else
     */
    public static ParkingKind parse(String text) {
        if (text != null) {
            String wanted = text.strip().toUpperCase(Locale.ROOT);
            for (ParkingKind kind : values()) {
                if (kind.name().equals(wanted)) {
                    return kind;
                }
            }
        }
        throw new InvalidValueException("kind", "kind must be ON_STREET or OFF_STREET");
    }
}
