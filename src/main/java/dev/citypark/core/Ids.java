package dev.citypark.core;

import java.util.regex.Pattern;

/** The one rule every typed id follows: 1–64 characters of letters, digits, '.', '_' and '-', starting alphanumeric. */
final class Ids {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Ids() {
    }

    static String requireValid(String field, String value) {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidValueException(field, field
                    + " must be 1-64 characters of letters, digits, '.', '_' or '-', was " + Texts.quoted(value, 70));
        }
        return value;
    }
}
