package dev.citypark.billing.tariff;

import dev.citypark.billing.StayRequest;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static dev.citypark.billing.tariff.Fixtures.at;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TariffVersionTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);

    @Test
    void foldsByPhaseWhateverTheFileOrder() {
        TariffVersion scrambled = new TariffVersion(FROM, List.of(
                new DailyCap(1000, DailyCap.Period.ROLLING_24H),
                new UnitRate(60, 300),
                new FreeMinutes(30, FreeMinutes.Mode.DEDUCTED),
                new PostPaymentGrace(15)));
        StayRequest stay = stay("2024-03-01T10:00", "2024-03-01T16:10")
                .withPayment(at("2024-03-01T16:00"), Money.ZERO);
        Ledger ledger = scrambled.fold(stay);
        // grace ends the window at 16:00; 30 min deducted; 10:30-16:00 = 6 started hours = ¥18, capped at ¥10
        assertThat(ledger.chargeFrom()).isEqualTo(at("2024-03-01T10:30"));
        assertThat(ledger.chargeTo()).isEqualTo(at("2024-03-01T16:00"));
        assertThat(ledger.netTotalFen()).isEqualTo(1000);
        assertThat(ledger.lines()).extracting(line -> line.rule())
                .containsExactly("PostPaymentGrace", "FreeMinutes", "UnitRate", "DailyCap");
        assertThat(Fixtures.linesSum(ledger)).isEqualTo(1000);
    }

    @Test
    void appliesAdjustmentsInFileOrder() {
        StayRequest large = stay("2024-03-01T10:00", "2024-03-02T10:00")
                .withSize(dev.citypark.billing.VehicleSize.LARGE);
        DailyCap cap = new DailyCap(4000, DailyCap.Period.ROLLING_24H);
        LargeVehicleMultiplier twice = new LargeVehicleMultiplier(200);
        UnitRate hourly = new UnitRate(60, 300);
        assertThat(new TariffVersion(FROM, List.of(hourly, cap, twice)).fold(large).netTotalFen()).isEqualTo(8000);
        assertThat(new TariffVersion(FROM, List.of(hourly, twice, cap)).fold(large).netTotalFen()).isEqualTo(4000);
    }

    @Test
    void needsExactlyOneChargingRuleAndAtMostOneGrace() {
        assertThatThrownBy(() -> new TariffVersion(FROM, List.of(new StayCap(100))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("found 0");
        assertThatThrownBy(() -> new TariffVersion(FROM, List.of(new UnitRate(60, 1), new PostPaymentGrace(10),
                new PostPaymentGrace(15))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("PostPaymentGrace");
    }
}
