package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;
import dev.citypark.billing.VehicleSize;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.fold;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LargeVehicleMultiplierTest {

    private final UnitRate hourly = new UnitRate(60, 300);
    private final LargeVehicleMultiplier twice = new LargeVehicleMultiplier(200);

    @Test
    void leavesSmallVehiclesAlone() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T13:00"), hourly, twice)).isEqualTo(900);
    }

    @Test
    void multipliesTheLargeVehicleFeeWithASurchargeLine() {
        Ledger ledger = fold(stay("2024-03-01T10:00", "2024-03-01T13:00").withSize(VehicleSize.LARGE), hourly, twice);
        assertThat(ledger.netTotalFen()).isEqualTo(1800);
        assertThat(ledger.lines().get(1)).satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.SURCHARGE);
            assertThat(line.amount().fen()).isEqualTo(900);
            assertThat(line.descriptionZh()).isEqualTo("大型车按小型车收费的200%计收");
        });
    }

    @Test
    void roundsEachUnitHalfUp() {
        // ¥1.05 × 150 % = 157.5 fen -> 158 per unit
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T12:00").withSize(VehicleSize.LARGE),
                new UnitRate(60, 105), new LargeVehicleMultiplier(150))).isEqualTo(2 * 158);
    }

    @Test
    void scalesTheCapWhenPlacedAfterItAndKeepsItWhenPlacedBefore() {
        DailyCap cap = new DailyCap(4000, DailyCap.Period.ROLLING_24H);
        var day = stay("2024-03-01T10:00", "2024-03-02T10:00").withSize(VehicleSize.LARGE);
        assertThat(fee(day, hourly, cap, twice)).isEqualTo(8000);
        assertThat(fee(day, hourly, twice, cap)).isEqualTo(4000);
    }

    @Test
    void rejectsPercentOutOfRange() {
        assertThatThrownBy(() -> new LargeVehicleMultiplier(0)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("percent");
        assertThatThrownBy(() -> new LargeVehicleMultiplier(1001)).isInstanceOf(InvalidValueException.class);
    }
}
