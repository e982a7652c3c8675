package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.fold;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;

class MonthlyPassFreeTest {

    private final UnitRate hourly = new UnitRate(60, 300);
    private final MonthlyPassFree pass = new MonthlyPassFree();

    @Test
    void chargesVehiclesWithoutAPass() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T13:00"), hourly, pass)).isEqualTo(900);
    }

    @Test
    void waivesEverythingForPassHoldersWithAnExplainingLine() {
        Ledger ledger = fold(stay("2024-03-01T10:00", "2024-03-01T13:00").withMonthlyPass(true), hourly, pass);
        assertThat(ledger.netTotalFen()).isZero();
        assertThat(ledger.lines()).hasSize(2);
        assertThat(ledger.lines().get(1)).satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.DISCOUNT);
            assertThat(line.amount().fen()).isEqualTo(-900);
            assertThat(line.descriptionZh()).isEqualTo("月卡车辆免费");
        });
    }
}
