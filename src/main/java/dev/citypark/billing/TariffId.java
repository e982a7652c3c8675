package dev.citypark.billing;

import dev.citypark.core.InvalidValueException;

import java.util.regex.Pattern;

/**
 * Id of a tariff, e.g. {@code QD-T1-CORE}; lots, segments and zones refer to their tariff by this id.
 * 1–64 characters of letters, digits, '.', '_' and '-', starting alphanumeric (the rule of every citypark id).
 */
public record TariffId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public TariffId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidValueException("tariffId",
                    "tariffId must be 1-64 characters of letters, digits, '.', '_' or '-', was "
                            + (value == null ? "null" : "'" + value + "'"));
        }
    }

    public static TariffId of(String value) {
        return new TariffId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
