package dev.citypark.billing;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The price of a stay under one tariff version.
 *
 * <p>Contract (checked here): {@code total} is never negative and equals the sum of the breakdown lines exactly.
 *
 * @param total         what the driver owes now, after any credit for what was already paid
 * @param breakdown     ordered lines: window notes, charges in time order, then caps/discounts/surcharges in rule
 *                      order, then the credit for the amount already paid
 * @param tariffId      the tariff that priced the stay
 * @param tariffVersion the effective-from date (Asia/Shanghai) of the tariff version in force at the stay's entry;
 *                      it identifies the version
 */
public record Quote(Money total, List<BreakdownLine> breakdown, TariffId tariffId, LocalDate tariffVersion) {

    public Quote {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(tariffId, "tariffId");
        Objects.requireNonNull(tariffVersion, "tariffVersion");
        breakdown = List.copyOf(breakdown);
        if (total.isNegative()) {
            throw new InvalidValueException("total", "quote total must not be negative, was " + total);
        }
        Money sum = breakdown.stream().map(BreakdownLine::amount).reduce(Money.ZERO, Money::plus);
        if (!sum.equals(total)) {
            throw new InvalidValueException("total",
                    "quote total " + total + " differs from the sum of its breakdown lines " + sum);
        }
    }

    /** The fee for the stay itself: the total before the credit for what was already paid. */
    public Money stayFee() {
        return breakdown.stream()
                .filter(line -> line.kind() != LineKind.PAYMENT)
                .map(BreakdownLine::amount)
                .reduce(Money.ZERO, Money::plus);
    }
}
