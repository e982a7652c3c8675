package dev.citypark.billing.tariff;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.LineKind;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.at;
import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.fold;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DailyCapTest {

    private final UnitRate hourly = new UnitRate(60, 300);
    private final DailyCap rolling = new DailyCap(4000, DailyCap.Period.ROLLING_24H);
    private final DailyCap calendar = new DailyCap(4000, DailyCap.Period.CALENDAR_DAY);

    @Test
    void leavesADayUnderTheCapAlone() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T20:00"), hourly, rolling)).isEqualTo(3000);
    }

    @Test
    void capsEachRolling24HoursFromEntry() {
        // 24 h = 24 × ¥3 = ¥72 -> ¥40; 3 more hours on day 2 = ¥9
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-02T10:00"), hourly, rolling)).isEqualTo(4000);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-02T13:00"), hourly, rolling)).isEqualTo(4000 + 900);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-04T10:00"), hourly, rolling)).isEqualTo(3 * 4000);
    }

    @Test
    void writesOneCapLinePerCappedDay() {
        Ledger ledger = fold(stay("2024-03-01T10:00", "2024-03-03T10:00"), hourly, rolling);
        assertThat(ledger.lines()).filteredOn(line -> line.kind() == LineKind.CAP)
                .extracting(BreakdownLine::from, line -> line.amount().fen())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(at("2024-03-01T10:00"), -3200L),
                        org.assertj.core.groups.Tuple.tuple(at("2024-03-02T10:00"), -3200L));
        assertThat(Fixtures.linesSum(ledger)).isEqualTo(ledger.netTotalFen()).isEqualTo(8000);
    }

    @Test
    void capsEachShanghaiCalendarDayWhenConfigured() {
        // 10:00-24:00 day 1 = 14 × ¥3 = ¥42 -> ¥40; 00:00-10:00 day 2 = ¥30
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-02T10:00"), hourly, calendar)).isEqualTo(4000 + 3000);
    }

    @Test
    void rejectsANegativeCapAndAMissingPeriod() {
        assertThatThrownBy(() -> new DailyCap(-1, DailyCap.Period.ROLLING_24H))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("capFen");
        assertThatThrownBy(() -> new DailyCap(4000, null))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("period");
    }
}
