package dev.citypark.session;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.Quote;
import dev.citypark.billing.TariffId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;

/**
 * The fee of a closed session as the tariff computed it at exit, with the breakdown that explains it.
 *
 * @param amount        what the stay costs (not negative)
 * @param tariff        the tariff that priced it
 * @param tariffVersion the version in force at entry
 * @param breakdown     lines summing exactly to {@code amount}
 */
public record Fee(Money amount, TariffId tariff, LocalDate tariffVersion, List<BreakdownLine> breakdown) {

    public Fee {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(tariff, "tariff");
        Objects.requireNonNull(tariffVersion, "tariffVersion");
        breakdown = List.copyOf(breakdown);
        if (amount.isNegative()) {
            throw new InvalidValueException("fee", "a fee is never negative, was " + amount);
        }
    }

    public static Fee of(Quote quote) {
        return new Fee(quote.total(), quote.tariffId(), quote.tariffVersion(), quote.breakdown());
    }

    public boolean isZero() {
        return amount.isZero();
    }
}
