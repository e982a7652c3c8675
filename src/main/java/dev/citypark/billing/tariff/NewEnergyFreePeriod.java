package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * New-energy vehicles park free for the first {@code minutes} of the stay: every unit starting before
 * entry + {@code minutes} is waived (a unit straddling the end of the free time is waived whole).
 * {@code {"type":"NewEnergyFreePeriod","minutes":120}}
 *
 * @param minutes the free time in minutes from entry (positive)
 */
public record NewEnergyFreePeriod(int minutes) implements TariffRule {

    public NewEnergyFreePeriod {
        Units.positive("minutes", minutes);
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
        Instant freeEnd = ledger.stay().entry().plus(Duration.ofMinutes(minutes));
        List<Charge> waived = ledger.charges().stream()
                .map(charge -> charge.from().isBefore(freeEnd) ? charge.withNet(0) : charge)
                .toList();
        Instant to = freeEnd.isBefore(ledger.stay().exit()) ? freeEnd : ledger.stay().exit();
        return ledger.adjusted(waived, ruleName(), LineKind.DISCOUNT,
                "New-energy vehicle: first " + minutes + " min free", "新能源汽车首" + minutes + "分钟免费",
                ledger.stay().entry(), to);
    }
}
