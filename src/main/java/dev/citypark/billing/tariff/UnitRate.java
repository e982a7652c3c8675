package dev.citypark.billing.tariff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A flat price per started unit, e.g. ¥1.50 per 15 min: {@code {"type":"UnitRate","unitMinutes":15,"unitPriceFen":150}}.
 *
 * @param unitMinutes  length of a billing unit in minutes (positive)
 * @param unitPriceFen price of each started unit (zero or more)
 */
public record UnitRate(int unitMinutes, long unitPriceFen) implements ChargingScheme {

    public UnitRate {
        Units.positive("unitMinutes", unitMinutes);
        Units.notNegative("unitPriceFen", unitPriceFen);
    }

    @Override
    public List<Charge> charge(Instant segmentFrom, Instant segmentTo, Instant chargeStart) {
        Units.UnitPrice price = new Units.UnitPrice(unitPriceFen,
                Units.yuan(unitPriceFen) + " per " + Units.minutes(unitMinutes),
                "每" + unitMinutes + "分钟" + Units.yuan(unitPriceFen));
        return Units.lay(segmentFrom, segmentTo, chargeStart, Duration.ofMinutes(unitMinutes), ruleName(),
                elapsed -> price);
    }
}
