package dev.citypark.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.citypark.core.Money;

/** One named rule of the {@link CreditPolicy}: refuses deferral with a reason, or lets it pass. */
public interface CreditRule {

    /** The reason deferral is refused, or empty when this rule allows it. */
    Optional<String> refusal(Arrears arrears, Instant now);

    /** Refuses when the unpaid bills sum to more than {@code max}. */
    record UnpaidTotalLimit(Money max) implements CreditRule {

        @Override
        public Optional<String> refusal(Arrears arrears, Instant now) {
            return arrears.total().isGreaterThan(max)
                    ? Optional.of("unpaid bills total " + arrears.total() + ", more than " + max)
                    : Optional.empty();
        }
    }

    /** Refuses when any unpaid bill was issued longer than {@code max} ago. */
    record OldestBillAge(Duration max) implements CreditRule {

        @Override
        public Optional<String> refusal(Arrears arrears, Instant now) {
            return arrears.oldestIssued()
                    .filter(oldest -> oldest.isBefore(now.minus(max)))
                    .map(oldest -> "an unpaid bill is older than " + max.toDays() + " days");
        }
    }

    /** Refuses when there are {@code max} unpaid bills or more. */
    record UnpaidBillCount(int max) implements CreditRule {

        @Override
        public Optional<String> refusal(Arrears arrears, Instant now) {
            return arrears.count() >= max
                    ? Optional.of(arrears.count() + " unpaid bills, the limit is " + (max - 1))
                    : Optional.empty();
        }
    }
}
