package dev.citypark.billing.tariff;

import dev.citypark.core.InvalidValueException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Units whose price steps up with the time already parked, e.g. on-street ¥1.50 per 15 min for the first two hours,
 * then ¥3.00 per 15 min to encourage turnover:
 * <pre>{@code {"type":"TieredUnitRate","unitMinutes":15,
 *  "tiers":[{"fromMinute":0,"unitPriceFen":150},{"fromMinute":120,"unitPriceFen":300}]}}</pre>
 * A unit takes the price of the last tier whose {@code fromMinute} is at or before the unit's start (minutes since
 * the start of the chargeable window).
 *
 * @param unitMinutes length of a billing unit in minutes (positive)
 * @param tiers       at least one tier; the first from minute 0, the rest in strictly increasing order
 */
public record TieredUnitRate(int unitMinutes, List<Tier> tiers) implements ChargingScheme {

    /**
     * One price step.
     *
     * @param fromMinute   minutes since the start of the chargeable window from which this price applies
     * @param unitPriceFen price per started unit (zero or more)
     */
    public record Tier(int fromMinute, long unitPriceFen) {

        public Tier {
            Units.notNegative("fromMinute", fromMinute);
            Units.notNegative("unitPriceFen", unitPriceFen);
        }
    }

    public TieredUnitRate {
        Units.positive("unitMinutes", unitMinutes);
        tiers = Units.requiredList("tiers", tiers);
        if (tiers.isEmpty() || tiers.get(0).fromMinute() != 0) {
            throw new InvalidValueException("tiers", "tiers must start with a tier from minute 0");
        }
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).fromMinute() <= tiers.get(i - 1).fromMinute()) {
                throw new InvalidValueException("tiers", "tiers' fromMinute must strictly increase, tier " + i
                        + " starts at " + tiers.get(i).fromMinute());
            }
        }
    }

    @Override
    public List<Charge> charge(Instant segmentFrom, Instant segmentTo, Instant chargeStart) {
        Units.UnitPrice[] prices = new Units.UnitPrice[tiers.size()];
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            String per = Units.yuan(tier.unitPriceFen()) + " per " + Units.minutes(unitMinutes);
            String perZh = "每" + unitMinutes + "分钟" + Units.yuan(tier.unitPriceFen());
            String en;
            String zh;
            if (i + 1 < tiers.size()) {
                int until = tiers.get(i + 1).fromMinute();
                en = "minutes " + tier.fromMinute() + "-" + until + ": " + per;
                zh = tier.fromMinute() + "-" + until + "分钟 " + perZh;
            } else {
                en = "after " + tier.fromMinute() + " min: " + per;
                zh = tier.fromMinute() + "分钟后 " + perZh;
            }
            prices[i] = new Units.UnitPrice(tier.unitPriceFen(), en, zh);
        }
        return Units.lay(segmentFrom, segmentTo, chargeStart, Duration.ofMinutes(unitMinutes), ruleName(),
                elapsed -> prices[tierAt(elapsed)]);
    }

    private int tierAt(Duration elapsed) {
        long minutes = elapsed.toMinutes();
        int index = 0;
        for (int i = 1; i < tiers.size(); i++) {
            if (tiers.get(i).fromMinute() <= minutes) {
                index = i;
            }
        }
        return index;
    }
}
