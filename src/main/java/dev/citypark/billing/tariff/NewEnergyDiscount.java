package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;
import dev.citypark.core.InvalidValueException;

import java.util.List;

/**
 * New-energy vehicles get {@code percentOff} % off, per unit, the discount rounded down to the fen (the driver never
 * pays less than the stated discount gives). {@code {"type":"NewEnergyDiscount","percentOff":50}}
 *
 * @param percentOff the discount, 1 to 100
 */
public record NewEnergyDiscount(int percentOff) implements TariffRule {

    public NewEnergyDiscount {
        if (percentOff < 1 || percentOff > 100) {
            throw new InvalidValueException("percentOff", "percentOff must be between 1 and 100, was " + percentOff);
        }
    }

    @Override
    public Phase phase() {
        return Phase.ADJUST;
    }

    @Override
    public Ledger apply(Ledger ledger) {
        if (!ledger.stay().newEnergy()) {
            return ledger;
        }
        List<Charge> discounted = ledger.charges().stream()
                .map(charge -> charge.withNet(charge.netFen() - Math.multiplyExact(charge.netFen(), percentOff) / 100))
                .toList();
        return ledger.adjusted(discounted, ruleName(), LineKind.DISCOUNT,
                "New-energy vehicle: " + percentOff + "% off", "新能源汽车优惠" + percentOff + "%",
                ledger.chargeFrom(), ledger.chargeTo());
    }
}
