package dev.citypark.billing.tariff;

import dev.citypark.billing.LineKind;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.fold;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StayCapTest {

    private final UnitRate hourly = new UnitRate(60, 300);
    private final StayCap cap = new StayCap(5000);

    @Test
    void leavesAStayUnderTheCapAlone() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T20:00"), hourly, cap)).isEqualTo(3000);
    }

    @Test
    void capsTheWholeStayHoweverLong() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-05T10:00"), hourly, cap)).isEqualTo(5000);
    }

    @Test
    void appliesOnTopOfADailyCap() {
        DailyCap daily = new DailyCap(4000, DailyCap.Period.ROLLING_24H);
        // daily: ¥40 + ¥40 = ¥80, then the stay cap -> ¥50
        Ledger ledger = fold(stay("2024-03-01T10:00", "2024-03-03T10:00"), hourly, daily, cap);
        assertThat(ledger.netTotalFen()).isEqualTo(5000);
        assertThat(ledger.lines()).filteredOn(line -> line.rule().equals("StayCap"))
                .singleElement().satisfies(line -> {
                    assertThat(line.kind()).isEqualTo(LineKind.CAP);
                    assertThat(line.amount().fen()).isEqualTo(-3000);
                });
    }

    @Test
    void rejectsANegativeCap() {
        assertThatThrownBy(() -> new StayCap(-1)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("capFen");
    }
}
