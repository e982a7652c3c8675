package dev.citypark.registry;

import dev.citypark.core.InvalidValueException;

import java.time.Duration;
import java.util.Optional;

/**
 * Parking rules of an on-street segment.
 *
 * @param paidHours when paid parking applies, OSM opening_hours syntax (e.g. "Mo-Su 07:30-19:30"), or {@code null}
 *                  when parking is free at all times
 * @param maxStay   longest allowed stay, or {@code null} when unlimited
 */
public record Restrictions(String paidHours, Duration maxStay) {

    /** Free at all times, no stay limit. */
    public static final Restrictions NONE = new Restrictions(null, null);

    public Restrictions {
        if (paidHours != null) {
            paidHours = OpeningHoursSyntax.requireValid("paidHours", paidHours);
        }
        if (maxStay != null && (maxStay.isNegative() || maxStay.isZero())) {
            throw new InvalidValueException("maxStay", "maxStay must be positive, was " + maxStay);
        }
    }

    public Optional<String> findPaidHours() {
        return Optional.ofNullable(paidHours);
    }

    public Optional<Duration> findMaxStay() {
        return Optional.ofNullable(maxStay);
    }
}
