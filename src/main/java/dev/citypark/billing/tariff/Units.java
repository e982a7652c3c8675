package dev.citypark.billing.tariff;

import dev.citypark.core.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Shared helpers of the rules: laying billing units, validating rule fields, naming amounts. */
final class Units {

    /** The zone of every local-time rule. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Units() {
    }

    /** What one unit costs and how it is labelled. */
    record UnitPrice(long fen, String labelEn, String labelZh) {
    }

    /**
     * Lays units of {@code unit} from {@code from} up to {@code to} (a partial last unit is charged in full) and
     * prices each by the time elapsed since {@code chargeStart} at the unit's start.
     */
    static List<Charge> lay(Instant from, Instant to, Instant chargeStart, Duration unit, String rule,
                            Function<Duration, UnitPrice> priceByElapsed) {
        List<Charge> charges = new ArrayList<>();
        Instant start = from;
        while (start.isBefore(to)) {
            Instant end = start.plus(unit);
            if (end.isAfter(to)) {
                end = to;
            }
            UnitPrice price = priceByElapsed.apply(Duration.between(chargeStart, start));
            charges.add(Charge.of(start, end, rule, price.labelEn(), price.labelZh(), price.fen()));
            start = start.plus(unit);
        }
        return charges;
    }

    static int positive(String field, int value) {
        if (value <= 0) {
            throw new InvalidValueException(field, field + " must be positive, was " + value);
        }
        return value;
    }

    static long notNegative(String field, long value) {
        if (value < 0) {
            throw new InvalidValueException(field, field + " must not be negative, was " + value);
        }
        return value;
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value;
    }

    /** A required list without null elements, copied. */
    static <T> List<T> requiredList(String field, List<T> values) {
        required(field, values);
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidValueException(field, field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }

    /** {@code ¥3.00}. */
    static String yuan(long fen) {
        return dev.citypark.core.Money.ofFen(fen).toString();
    }

    /** {@code 60 min}, {@code 15 min}. */
    static String minutes(int minutes) {
        return minutes + " min";
    }
}
