package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;
import dev.citypark.billing.VehicleSize;
import dev.citypark.core.InvalidValueException;

import java.util.List;

/**
 * Large vehicles pay {@code percent} % of what a small vehicle pays at this point of the fold, each unit rounded
 * half up to the fen. Placed after the caps, the caps scale too; placed before them, the caps hold.
 * {@code {"type":"LargeVehicleMultiplier","percent":200}}
 *
 * @param percent the large-vehicle price as a percentage of the small-vehicle price, 1 to 1000
 */
public record LargeVehicleMultiplier(int percent) implements TariffRule {

    public LargeVehicleMultiplier {
        if (percent < 1 || percent > 1000) {
            throw new InvalidValueException("percent", "percent must be between 1 and 1000, was " + percent);
        }
    }

    @Override
    public Phase phase() {
        return Phase.ADJUST;
    }

    @Override
    public Ledger apply(Ledger ledger) {
        if (ledger.stay().size() != VehicleSize.LARGE) {
            return ledger;
        }
        List<Charge> scaled = ledger.charges().stream()
                .map(charge -> charge.withNet(Math.floorDiv(Math.multiplyExact(charge.netFen(), percent) + 50, 100)))
                .toList();
        return ledger.adjusted(scaled, ruleName(), percent >= 100 ? LineKind.SURCHARGE : LineKind.DISCOUNT,
                "Large vehicle: " + percent + "% of the small-vehicle fee", "大型车按小型车收费的" + percent + "%计收",
                ledger.chargeFrom(), ledger.chargeTo());
    }
}
