package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;

import java.util.List;

/** Monthly-pass holders park free: every charge is waived. {@code {"type":"MonthlyPassFree"}} */
public record MonthlyPassFree() implements TariffRule {

    @Override
    public Phase phase() {
        return Phase.ADJUST;
    }

    @Override
    public Ledger apply(Ledger ledger) {
        if (!ledger.stay().monthlyPass()) {
            return ledger;
        }
        List<Charge> waived = ledger.charges().stream().map(charge -> charge.withNet(0)).toList();
        return ledger.adjusted(waived, ruleName(), LineKind.DISCOUNT, "Monthly pass holder: free", "月卡车辆免费",
                ledger.stay().entry(), ledger.stay().exit());
    }
}
