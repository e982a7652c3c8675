package dev.citypark.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.citypark.core.Money;

/**
 * Who may pay after exit (先离场后付费): a plate whose unpaid bills pass every {@link CreditRule}. The default, from
 * {@link SessionProperties.Credit}: refused when the unpaid bills total more than ¥200 or one is older than 30 days.
 * The bill of the stay being decided is not counted: the rules judge the plate's record, not this stay.
 */
public record CreditPolicy(List<CreditRule> rules) {

    public CreditPolicy {
        rules = List.copyOf(rules);
    }

    public static CreditPolicy of(SessionProperties.Credit settings) {
        List<CreditRule> rules = new ArrayList<>();
        rules.add(new CreditRule.UnpaidTotalLimit(Money.ofFen(settings.maxUnpaidTotalFen())));
        rules.add(new CreditRule.OldestBillAge(settings.maxBillAge()));
        if (settings.maxUnpaidBills() > 0) {
            rules.add(new CreditRule.UnpaidBillCount(settings.maxUnpaidBills()));
        }
        return new CreditPolicy(rules);
    }

    /** The reasons deferral is refused; empty when the plate may defer. */
    public List<String> refusals(Arrears arrears, Instant now) {
        List<String> reasons = new ArrayList<>();
        for (CreditRule rule : rules) {
            rule.refusal(arrears, now).ifPresent(reasons::add);
        }
        return reasons;
    }

    public boolean allowsDeferral(Arrears arrears, Instant now) {
        return refusals(arrears, now).isEmpty();
    }

    static Optional<String> summary(List<String> refusals) {
        return refusals.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", refusals));
    }
}
