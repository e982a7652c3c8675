package dev.citypark.billing;

/**
 * A tariff file could not be loaded: malformed JSON, an unknown rule type, a missing or bad value. The message names
 * the source, the tariff (when known) and the field path, e.g.
 * {@code tariffs.json: tariff 'QD-T1-CORE': versions[0].rules[2].capFen: capFen must be positive, was 0}.
 */
public class TariffFormatException extends RuntimeException {

    public TariffFormatException(String message) {
        super(message);
    }

    public TariffFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
