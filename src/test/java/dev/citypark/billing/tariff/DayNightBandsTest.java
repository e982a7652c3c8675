package dev.citypark.billing.tariff;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static dev.citypark.billing.tariff.Fixtures.at;
import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayNightBandsTest {

    private final DayNightBands hourlyNights = new DayNightBands(LocalTime.of(7, 0), LocalTime.of(21, 0),
            new FirstHourThenHourly(500, 300), new UnitRate(60, 100));
    private final DayNightBands flatNights = new DayNightBands(LocalTime.of(7, 0), LocalTime.of(21, 0),
            new UnitRate(60, 300), new FlatRate(500));

    @Test
    void chargesADayStayAtTheDayScheme() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T12:00"), hourlyNights)).isEqualTo(500 + 300);
    }

    @Test
    void chargesANightStayCrossingMidnightAtTheNightRate() {
        // 22:00 -> 02:00 is four night hours
        assertThat(fee(stay("2024-03-01T22:00", "2024-03-02T02:00"), hourlyNights)).isEqualTo(400);
    }

    @Test
    void splitsAStayAtTheBandBoundariesAndRoundsUpEachSegment() {
        // 20:30-21:00 day (first-hour unit, ¥5), 21:00-07:00 night (10 × ¥1), 07:00-08:15 day (2 later hours, ¥6)
        Ledger ledger = Fixtures.fold(stay("2024-03-01T20:30", "2024-03-02T08:15"), hourlyNights);
        assertThat(ledger.netTotalFen()).isEqualTo(500 + 1000 + 600);
        assertThat(ledger.lines()).extracting(BreakdownLine::descriptionEn).containsExactly(
                "Day 07:00-21:00, first hour: ¥5.00 × 1",
                "Night 21:00-07:00, ¥1.00 per 60 min × 10",
                "Day 07:00-21:00, later hours: ¥3.00 per hour × 2");
        assertThat(ledger.lines()).extracting(BreakdownLine::from).containsExactly(
                at("2024-03-01T20:30"), at("2024-03-01T21:00"), at("2024-03-02T07:00"));
        assertThat(ledger.lines()).extracting(BreakdownLine::rule).containsOnly("DayNightBands");
    }

    @Test
    void measuresTheFirstHourFromTheStartOfTheStayWhateverTheBand() {
        // 06:30-07:00 night (¥1); 07:00-08:00 day starts within the first hour -> first-hour price
        assertThat(fee(stay("2024-03-01T06:30", "2024-03-01T08:00"), hourlyNights)).isEqualTo(100 + 500);
    }

    @Test
    void chargesAFlatPricePerNight() {
        // two nights and the day between: 20:00-21:00 (¥3), night 1 (¥5), 07-21 (14 × ¥3), night 2 (¥5)
        assertThat(fee(stay("2024-03-01T20:00", "2024-03-03T06:00"), flatNights))
                .isEqualTo(300 + 500 + 14 * 300 + 500);
    }

    @Test
    void usesShanghaiLocalTimeForBands() {
        // 23:00 UTC is 07:00 in Shanghai: the boundary lies at 23:00Z
        Ledger ledger = Fixtures.fold(stay("2024-03-01T06:00", "2024-03-01T08:00"), hourlyNights);
        assertThat(ledger.charges().get(1).from()).hasToString("2024-02-29T23:00:00Z");
    }

    @Test
    void rejectsADayBandThatDoesNotEndAfterItStarts() {
        assertThatThrownBy(() -> new DayNightBands(LocalTime.of(21, 0), LocalTime.of(7, 0),
                new UnitRate(60, 300), new UnitRate(60, 100)))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("dayEnd");
    }
}
