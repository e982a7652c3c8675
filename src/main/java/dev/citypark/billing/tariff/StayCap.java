package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;

import java.util.List;

/**
 * At most {@code capFen} for the whole stay, however long. {@code {"type":"StayCap","capFen":20000}}
 *
 * @param capFen the most a stay costs (zero or more)
 */
public record StayCap(long capFen) implements TariffRule {

    public StayCap {
        Units.notNegative("capFen", capFen);
    }

    @Override
    public Phase phase() {
        return Phase.ADJUST;
    }

    @Override
    public Ledger apply(Ledger ledger) {
        long before = ledger.netTotalFen();
        if (before <= capFen) {
            return ledger;
        }
        List<Charge> capped = Caps.copy(ledger.charges());
        Caps.fill(capped, 0, capped.size(), capFen);
        return ledger.adjusted(capped, ruleName(), LineKind.CAP,
                "Per-stay cap " + Units.yuan(capFen) + " (charges were " + Units.yuan(before) + ")",
                "单次停车最高收费" + Units.yuan(capFen) + "(原计" + Units.yuan(before) + ")",
                ledger.stay().entry(), ledger.stay().exit());
    }
}
