package dev.citypark.billing.tariff;

import java.time.Instant;
import java.util.List;

/**
 * One flat price for a whole segment however long, e.g. ¥5 per night inside {@link DayNightBands}, or per stay when
 * used on its own: {@code {"type":"FlatRate","amountFen":500}}.
 *
 * @param amountFen the price of each non-empty segment (zero or more)
 */
public record FlatRate(long amountFen) implements ChargingScheme {

    public FlatRate {
        Units.notNegative("amountFen", amountFen);
    }

    @Override
    public List<Charge> charge(Instant segmentFrom, Instant segmentTo, Instant chargeStart) {
        if (!segmentFrom.isBefore(segmentTo)) {
            return List.of();
        }
        return List.of(Charge.of(segmentFrom, segmentTo, ruleName(), "flat " + Units.yuan(amountFen),
                "按次" + Units.yuan(amountFen), amountFen));
    }
}
