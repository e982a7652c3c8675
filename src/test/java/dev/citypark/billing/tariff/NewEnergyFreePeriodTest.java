package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.at;
import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.fold;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewEnergyFreePeriodTest {

    private final UnitRate hourly = new UnitRate(60, 300);
    private final NewEnergyFreePeriod twoHours = new NewEnergyFreePeriod(120);

    @Test
    void leavesOtherVehiclesAlone() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T12:00"), hourly, twoHours)).isEqualTo(600);
    }

    @Test
    void waivesTheFirstTwoHoursForNewEnergy() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T12:00").withNewEnergy(true), hourly, twoHours)).isZero();
        Ledger ledger = fold(stay("2024-03-01T10:00", "2024-03-01T13:30").withNewEnergy(true), hourly, twoHours);
        assertThat(ledger.netTotalFen()).isEqualTo(600);
        assertThat(ledger.lines().get(1)).satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.DISCOUNT);
            assertThat(line.amount().fen()).isEqualTo(-600);
            assertThat(line.to()).isEqualTo(at("2024-03-01T12:00"));
        });
    }

    @Test
    void waivesAUnitStraddlingTheEndOfTheFreeTimeWhole() {
        // 90 free minutes: the 11:00-12:00 unit starts inside them
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T12:30").withNewEnergy(true), hourly,
                new NewEnergyFreePeriod(90))).isEqualTo(300);
    }

    @Test
    void rejectsNonPositiveMinutes() {
        assertThatThrownBy(() -> new NewEnergyFreePeriod(0)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("minutes");
    }
}
