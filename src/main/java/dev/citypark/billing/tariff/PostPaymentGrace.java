package dev.citypark.billing.tariff;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.LineKind;
import dev.citypark.core.Money;

import java.time.Duration;
import java.time.Instant;

/**
 * Time to reach the exit after paying. A driver who paid at T and leaves no later than T + {@code minutes} is
 * priced as if the stay ended at T, so (having paid the fee up to T) owes nothing more. One who leaves later is
 * priced for the whole stay to the exit, so the fee keeps accruing from T; in both cases the amount already paid is
 * credited afterwards. Without a payment the rule does nothing. {@code {"type":"PostPaymentGrace","minutes":15}}
 *
 * @param minutes the grace in minutes (positive)
 */
public record PostPaymentGrace(int minutes) implements TariffRule {

    public PostPaymentGrace {
        Units.positive("minutes", minutes);
    }

    @Override
    public Phase phase() {
        return Phase.GRACE;
    }

    @Override
    public Ledger apply(Ledger ledger) {
        if (ledger.stay().paidAt().isEmpty()) {
            return ledger;
        }
        Instant paidAt = ledger.stay().paidAt().get();
        Instant exit = ledger.stay().exit();
        if (exit.isAfter(paidAt.plus(Duration.ofMinutes(minutes)))) {
            BreakdownLine note = new BreakdownLine(ruleName(), LineKind.FREE,
                    "Left more than " + minutes + " min after paying: charges accrue from the payment",
                    "缴费后超过" + minutes + "分钟离场，自缴费时起继续计费", Money.ZERO, paidAt, exit);
            return ledger.withWindow(ledger.chargeFrom(), ledger.chargeTo(), note);
        }
        Instant end = paidAt.isBefore(ledger.chargeTo()) ? paidAt : ledger.chargeTo();
        Instant start = ledger.chargeFrom().isAfter(end) ? end : ledger.chargeFrom();
        BreakdownLine note = new BreakdownLine(ruleName(), LineKind.FREE,
                "Left within " + minutes + " min of paying: nothing accrues after the payment",
                "缴费后" + minutes + "分钟内离场，不再计费", Money.ZERO, paidAt, exit);
        return ledger.withWindow(start, end, note);
    }
}
