package dev.citypark.billing;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a {@link Quote}'s breakdown: which rule charged or took off what, over which span of the stay.
 *
 * @param rule          the rule's name, e.g. {@code DayNightBands}, {@code DailyCap}, {@code AlreadyPaid}
 * @param kind          what the line does
 * @param descriptionEn human description in English, e.g. {@code Day 07:00-21:00, later hours: ¥3.00 per 60 min × 4}
 * @param descriptionZh the same in Chinese
 * @param amount        signed amount: charges and surcharges positive, caps, discounts and credits negative
 * @param from          start of the span the line covers (inclusive)
 * @param to            end of the span (exclusive), not before {@code from}
 */
public record BreakdownLine(String rule, LineKind kind, String descriptionEn, String descriptionZh, Money amount,
                            Instant from, Instant to) {

    public BreakdownLine {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(descriptionEn, "descriptionEn");
        Objects.requireNonNull(descriptionZh, "descriptionZh");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", "line '" + rule + "' ends at " + to + " before it starts at " + from);
        }
    }
}
