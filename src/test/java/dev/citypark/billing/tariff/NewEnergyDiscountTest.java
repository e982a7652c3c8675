package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.fold;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewEnergyDiscountTest {

    private final UnitRate quarterHours = new UnitRate(15, 150);
    private final NewEnergyDiscount half = new NewEnergyDiscount(50);

    @Test
    void leavesOtherVehiclesAlone() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T11:00"), quarterHours, half)).isEqualTo(600);
    }

    @Test
    void halvesTheNewEnergyFee() {
        Ledger ledger = fold(stay("2024-03-01T10:00", "2024-03-01T11:00").withNewEnergy(true), quarterHours, half);
        assertThat(ledger.netTotalFen()).isEqualTo(300);
        assertThat(ledger.lines().get(1)).satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.DISCOUNT);
            assertThat(line.amount().fen()).isEqualTo(-300);
            assertThat(line.descriptionEn()).isEqualTo("New-energy vehicle: 50% off");
        });
    }

    @Test
    void roundsTheDiscountDownPerUnit() {
        // 30 % of 105 fen = 31.5 -> 31 off, 74 to pay per unit
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T10:30").withNewEnergy(true),
                new UnitRate(15, 105), new NewEnergyDiscount(30))).isEqualTo(2 * 74);
    }

    @Test
    void rejectsPercentOutOfRange() {
        assertThatThrownBy(() -> new NewEnergyDiscount(0)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("percentOff");
        assertThatThrownBy(() -> new NewEnergyDiscount(101)).isInstanceOf(InvalidValueException.class);
    }
}
