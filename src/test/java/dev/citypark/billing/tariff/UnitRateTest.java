package dev.citypark.billing.tariff;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.citypark.billing.tariff.Fixtures.at;
import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitRateTest {

    private final UnitRate quarterHours = new UnitRate(15, 150);

    @Test
    void chargesEveryStartedUnit() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T10:15"), quarterHours)).isEqualTo(150);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T10:16"), quarterHours)).isEqualTo(300);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T11:00"), quarterHours)).isEqualTo(600);
    }

    @Test
    void chargesNothingForAnEmptyStay() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T10:00"), quarterHours)).isZero();
    }

    @Test
    void laysUnitsFromTheSegmentStartAndEndsTheLastAtTheSegmentEnd() {
        List<Charge> charges = quarterHours.charge(at("2024-03-01T10:00"), at("2024-03-01T10:20"),
                at("2024-03-01T10:00"));
        assertThat(charges).extracting(Charge::from)
                .containsExactly(at("2024-03-01T10:00"), at("2024-03-01T10:15"));
        assertThat(charges.get(1).to()).isEqualTo(at("2024-03-01T10:20"));
        assertThat(charges).allSatisfy(charge -> assertThat(charge.grossFen()).isEqualTo(150));
    }

    @Test
    void groupsUnitsIntoOneBreakdownLine() {
        Ledger ledger = Fixtures.fold(stay("2024-03-01T10:00", "2024-03-01T10:40"), quarterHours);
        assertThat(ledger.lines()).singleElement().satisfies(line -> {
            assertThat(line.rule()).isEqualTo("UnitRate");
            assertThat(line.amount().fen()).isEqualTo(450);
            assertThat(line.descriptionEn()).isEqualTo("¥1.50 per 15 min × 3");
            assertThat(line.descriptionZh()).isEqualTo("每15分钟¥1.50 × 3");
            assertThat(line.from()).isEqualTo(at("2024-03-01T10:00"));
            assertThat(line.to()).isEqualTo(at("2024-03-01T10:40"));
        });
    }

    @Test
    void rejectsNonPositiveUnitAndNegativePrice() {
        assertThatThrownBy(() -> new UnitRate(0, 100)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("unitMinutes");
        assertThatThrownBy(() -> new UnitRate(15, -1)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("unitPriceFen");
    }
}
