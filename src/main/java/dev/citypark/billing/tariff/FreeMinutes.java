package dev.citypark.billing.tariff;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.LineKind;
import dev.citypark.core.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Free first minutes, in one of two modes:
 * <ul>
 *   <li>{@code SHORT_STAY_ONLY} (the usual Qingdao rule, "30分钟内免费"): a stay of at most {@code minutes} is free;
 *       a longer one is charged from its start. Runs with the adjustments and takes back every charge of a short
 *       stay.</li>
 *   <li>{@code DEDUCTED}: the first {@code minutes} of every stay are free and charging starts after them. Runs in
 *       the window phase and moves the start of the chargeable window.</li>
 * </ul>
 * The stay's length is measured to the end of the chargeable window, so a driver who paid within the free time and
 * left within the post-payment grace stays free.
 * {@code {"type":"FreeMinutes","minutes":30,"mode":"SHORT_STAY_ONLY"}}
 *
 * @param minutes the free time in minutes (positive)
 * @param mode    how the free time applies
 */
public record FreeMinutes(int minutes, Mode mode) implements TariffRule {

    /** How the free time applies. */
    public enum Mode {
        /** Free only if the whole stay fits in the free time; otherwise charged from the start. */
        SHORT_STAY_ONLY,
        /** The free time is deducted from every stay. */
        DEDUCTED
    }

    public FreeMinutes {
        Units.positive("minutes", minutes);
        Units.required("mode", mode);
    }

    @Override
    public Phase phase() {
        return mode == Mode.DEDUCTED ? Phase.WINDOW : Phase.ADJUST;
    }

    @Override
    public Ledger apply(Ledger ledger) {
        Instant entry = ledger.stay().entry();
        Instant freeEnd = entry.plus(Duration.ofMinutes(minutes));
        if (mode == Mode.DEDUCTED) {
            Instant start = freeEnd.isAfter(ledger.chargeTo()) ? ledger.chargeTo() : freeEnd;
            if (start.isBefore(ledger.chargeFrom())) {
                start = ledger.chargeFrom();
            }
            BreakdownLine note = new BreakdownLine(ruleName(), LineKind.FREE,
                    "First " + minutes + " min free", "首" + minutes + "分钟免费", Money.ZERO, entry, start);
            return ledger.withWindow(start, ledger.chargeTo(), note);
        }
        if (ledger.chargeTo().isAfter(freeEnd)) {
            return ledger;
        }
        List<Charge> free = ledger.charges().stream().map(charge -> charge.withNet(0)).toList();
        return ledger.adjusted(free, ruleName(), LineKind.FREE,
                "Stay of at most " + minutes + " min is free", minutes + "分钟内免费", entry, ledger.chargeTo());
    }
}
