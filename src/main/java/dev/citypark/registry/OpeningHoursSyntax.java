package dev.citypark.registry;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import dev.citypark.core.InvalidValueException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Checks OpenStreetMap {@code opening_hours} strings ("24/7", "Mo-Fr 07:00-22:00; Sa,Su 08:00-20:00") with Simon
 * Poole's OpeningHoursParser in strict mode. Used for lots' opening hours and on-street paid-parking hours.
 */
public final class OpeningHoursSyntax {

    private static final int MAX_LENGTH = 255;

    private OpeningHoursSyntax() {
    }

    public static boolean isValid(String value) {
        try {
            requireValid("openingHours", value);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** Returns the trimmed value, or throws naming {@code field} when it is not strict OSM opening_hours syntax. */
    public static String requireValid(String field, String value) {
        String text = Checks.text(field, value, MAX_LENGTH);
        try {
            new OpeningHoursParser(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).rules(true);
        } catch (OpeningHoursParseException e) {
            throw new InvalidValueException(field,
                    field + " is not valid OSM opening_hours syntax ('" + text + "'): " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new InvalidValueException(field,
                    field + " is not valid OSM opening_hours syntax ('" + text + "')");
        }
        return text;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
