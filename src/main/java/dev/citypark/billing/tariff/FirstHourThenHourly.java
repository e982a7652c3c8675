package dev.citypark.billing.tariff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Hourly units, the first hour of the stay at one price and every later started hour at another, e.g. ¥5 for the
 * first hour then ¥3 per hour: {@code {"type":"FirstHourThenHourly","firstHourFen":500,"laterHourFen":300}}.
 * An hour unit is a "first hour" when it starts within the first 60 minutes of the chargeable window.
 *
 * @param firstHourFen price of an hour unit starting within the first hour (zero or more)
 * @param laterHourFen price of each later started hour (zero or more)
 */
public record FirstHourThenHourly(long firstHourFen, long laterHourFen) implements ChargingScheme {

    private static final Duration HOUR = Duration.ofHours(1);

    public FirstHourThenHourly {
        Units.notNegative("firstHourFen", firstHourFen);
        Units.notNegative("laterHourFen", laterHourFen);
    }

    @Override
    public List<Charge> charge(Instant segmentFrom, Instant segmentTo, Instant chargeStart) {
        Units.UnitPrice first = new Units.UnitPrice(firstHourFen,
                "first hour: " + Units.yuan(firstHourFen), "首小时" + Units.yuan(firstHourFen));
        Units.UnitPrice later = new Units.UnitPrice(laterHourFen,
                "later hours: " + Units.yuan(laterHourFen) + " per hour", "之后每小时" + Units.yuan(laterHourFen));
        return Units.lay(segmentFrom, segmentTo, chargeStart, HOUR, ruleName(),
                elapsed -> elapsed.compareTo(HOUR) < 0 ? first : later);
    }
}
