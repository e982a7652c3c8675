package dev.citypark.billing.tariff;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.StayRequest;
import dev.citypark.core.InvalidValueException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One dated version of a tariff: its rules, in force from {@code effectiveFrom} (00:00 Asia/Shanghai) until the next
 * version's date. Holds exactly one charging rule ({@link ChargingScheme} or {@link DayNightBands}).
 *
 * @param effectiveFrom the local date from which this version prices stays that enter on or after it
 * @param rules         the rules in file order; the fold runs them by {@link Phase}, file order within a phase
 */
public record TariffVersion(LocalDate effectiveFrom, List<TariffRule> rules) {

    public TariffVersion {
        Units.required("effectiveFrom", effectiveFrom);
        rules = Units.requiredList("rules", rules);
        long charging = rules.stream().filter(rule -> rule.phase() == Phase.CHARGE).count();
        if (charging != 1) {
            throw new InvalidValueException("rules", "a tariff version needs exactly one charging rule "
                    + "(UnitRate, FirstHourThenHourly, TieredUnitRate, FlatRate or DayNightBands), found " + charging);
        }
        for (Phase phase : List.of(Phase.GRACE, Phase.WINDOW)) {
            if (rules.stream().filter(rule -> rule.phase() == phase).count() > 1) {
                throw new InvalidValueException("rules", "a tariff version has at most one "
                        + (phase == Phase.GRACE ? "PostPaymentGrace" : "deducted FreeMinutes") + " rule");
            }
        }
    }

    /** Folds the rules over the stay. */
    public Ledger fold(StayRequest stay) {
        Ledger ledger = Ledger.start(stay);
        for (TariffRule rule : rules.stream().sorted(Comparator.comparing(TariffRule::phase)).toList()) {
            ledger = rule.apply(ledger);
        }
        return ledger;
    }

    /** The breakdown lines of the stay's fee (before any credit for what was already paid). */
    public List<BreakdownLine> price(StayRequest stay) {
        return fold(stay).lines();
    }
}
