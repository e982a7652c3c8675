package dev.citypark.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.citypark.core.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each credit rule alone, then the default policy: refused above ¥200 unpaid or with a bill older than 30 days. */
class CreditPolicyTest {

    private static final Instant NOW = Instant.parse("2025-03-03T03:00:00Z");
    private final CreditPolicy defaults = CreditPolicy.of(new SessionProperties.Credit(20_000, Duration.ofDays(30), 0));

    @Test
    void unpaidTotalLimitRefusesOnlyAboveTheLimit() {
        CreditRule rule = new CreditRule.UnpaidTotalLimit(Money.ofYuan(200));

        assertThat(rule.refusal(arrears(3, 20_000, NOW), NOW)).isEmpty();
        assertThat(rule.refusal(arrears(3, 20_001, NOW), NOW)).hasValueSatisfying(r -> assertThat(r).contains("¥200.01"));
    }

    @Test
    void oldestBillAgeRefusesABillOlderThanTheLimit() {
        CreditRule rule = new CreditRule.OldestBillAge(Duration.ofDays(30));

        assertThat(rule.refusal(arrears(1, 100, NOW.minus(Duration.ofDays(30))), NOW)).isEmpty();
        assertThat(rule.refusal(arrears(1, 100, NOW.minus(Duration.ofDays(30)).minusSeconds(1)), NOW)).isPresent();
        assertThat(rule.refusal(Arrears.NONE, NOW)).isEmpty();
    }

    @Test
    void unpaidBillCountRefusesAtTheCount() {
        CreditRule rule = new CreditRule.UnpaidBillCount(3);

        assertThat(rule.refusal(arrears(2, 100, NOW), NOW)).isEmpty();
        assertThat(rule.refusal(arrears(3, 100, NOW), NOW)).isPresent();
    }

    @Test
    void defaultPolicyAllowsACleanRecordAndRefusesEitherBreach() {
        assertThat(defaults.allowsDeferral(Arrears.NONE, NOW)).isTrue();
        assertThat(defaults.allowsDeferral(arrears(40, 19_000, NOW.minus(Duration.ofDays(2))), NOW)).isTrue();
        assertThat(defaults.refusals(arrears(1, 25_000, NOW), NOW)).hasSize(1);
        assertThat(defaults.refusals(arrears(1, 500, NOW.minus(Duration.ofDays(31))), NOW)).hasSize(1);
        assertThat(defaults.refusals(arrears(2, 25_000, NOW.minus(Duration.ofDays(31))), NOW)).hasSize(2);
    }

    @Test
    void countRuleIsOnlyThereWhenConfigured() {
        assertThat(defaults.rules()).noneMatch(rule -> rule instanceof CreditRule.UnpaidBillCount);
        CreditPolicy counted = CreditPolicy.of(new SessionProperties.Credit(20_000, Duration.ofDays(30), 5));
        assertThat(counted.allowsDeferral(arrears(5, 100, NOW), NOW)).isFalse();
    }

    private static Arrears arrears(long count, long totalFen, Instant oldest) {
        return new Arrears(count, Money.ofFen(totalFen), Optional.of(oldest));
    }
}
