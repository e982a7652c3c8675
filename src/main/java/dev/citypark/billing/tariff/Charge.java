package dev.citypark.billing.tariff;

import java.time.Instant;
import java.util.Objects;

/**
 * One priced billing unit (or one flat-rate segment) of a stay.
 *
 * @param from     start of the unit
 * @param to       end of the unit within the stay (a partial last unit ends at the window's end, charged in full)
 * @param rule     the charging rule's name
 * @param labelEn  what the unit is priced as, in English, e.g. {@code later hours: ¥3.00 per 60 min}
 * @param labelZh  the same in Chinese
 * @param grossFen the price of the unit
 * @param netFen   what remains of it after the adjustments so far (caps, discounts, multipliers)
 */
public record Charge(Instant from, Instant to, String rule, String labelEn, String labelZh, long grossFen,
                     long netFen) {

    public Charge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(labelEn, "labelEn");
        Objects.requireNonNull(labelZh, "labelZh");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("charge ends before it starts: " + from + " .. " + to);
        }
    }

    /** A fresh unit whose net equals its gross price. */
    public static Charge of(Instant from, Instant to, String rule, String labelEn, String labelZh, long fen) {
        return new Charge(from, to, rule, labelEn, labelZh, fen, fen);
    }

    public Charge withNet(long newNetFen) {
        return new Charge(from, to, rule, labelEn, labelZh, grossFen, newNetFen);
    }

    /** The same unit credited to {@code outerRule} with its labels prefixed, e.g. by the band it lies in. */
    public Charge labelled(String outerRule, String prefixEn, String prefixZh) {
        return new Charge(from, to, outerRule, prefixEn + labelEn, prefixZh + labelZh, grossFen, netFen);
    }
}
