package dev.citypark.billing.tariff;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TieredUnitRateTest {

    private final TieredUnitRate onStreet = new TieredUnitRate(15, List.of(
            new TieredUnitRate.Tier(0, 150), new TieredUnitRate.Tier(120, 300)));

    @Test
    void chargesTheFirstTierUpToItsEnd() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T12:00"), onStreet)).isEqualTo(8 * 150);
    }

    @Test
    void stepsUpAfterTwoHours() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T12:01"), onStreet)).isEqualTo(8 * 150 + 300);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T13:00"), onStreet)).isEqualTo(8 * 150 + 4 * 300);
    }

    @Test
    void labelsEachTier() {
        Ledger ledger = Fixtures.fold(stay("2024-03-01T10:00", "2024-03-01T12:30"), onStreet);
        assertThat(ledger.lines()).extracting(line -> line.descriptionEn()).containsExactly(
                "minutes 0-120: ¥1.50 per 15 min × 8", "after 120 min: ¥3.00 per 15 min × 2");
        assertThat(ledger.lines()).extracting(line -> line.descriptionZh()).containsExactly(
                "0-120分钟 每15分钟¥1.50 × 8", "120分钟后 每15分钟¥3.00 × 2");
    }

    @Test
    void rejectsTiersNotStartingAtZeroOrNotIncreasing() {
        assertThatThrownBy(() -> new TieredUnitRate(15, List.of(new TieredUnitRate.Tier(10, 150))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("minute 0");
        assertThatThrownBy(() -> new TieredUnitRate(15, List.of(new TieredUnitRate.Tier(0, 150),
                new TieredUnitRate.Tier(120, 300), new TieredUnitRate.Tier(120, 400))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("strictly increase");
        assertThatThrownBy(() -> new TieredUnitRate(15, List.of()))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("tiers");
    }
}
