package dev.citypark.billing.tariff;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.LineKind;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.at;
import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeMinutesTest {

    private final UnitRate hourly = new UnitRate(60, 300);
    private final FreeMinutes shortStays = new FreeMinutes(30, FreeMinutes.Mode.SHORT_STAY_ONLY);
    private final FreeMinutes deducted = new FreeMinutes(30, FreeMinutes.Mode.DEDUCTED);

    @Test
    void makesAStayOfAtMostThirtyMinutesFree() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T10:30"), shortStays, hourly)).isZero();
    }

    @Test
    void chargesALongerStayFromItsStartInShortStayMode() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T10:31"), shortStays, hourly)).isEqualTo(300);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T11:01"), shortStays, hourly)).isEqualTo(600);
    }

    @Test
    void explainsTheFreeShortStayWithALineTakingBackTheCharge() {
        Ledger ledger = Fixtures.fold(stay("2024-03-01T10:00", "2024-03-01T10:20"), shortStays, hourly);
        assertThat(ledger.lines()).extracting(BreakdownLine::kind).containsExactly(LineKind.CHARGE, LineKind.FREE);
        assertThat(ledger.lines().get(1).amount().fen()).isEqualTo(-300);
        assertThat(ledger.lines().get(1).descriptionZh()).isEqualTo("30分钟内免费");
    }

    @Test
    void deductsTheFreeMinutesFromEveryStayInDeductedMode() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T10:30"), deducted, hourly)).isZero();
        // charging starts at 10:30: 10:30-11:31 is two started hours
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T11:31"), deducted, hourly)).isEqualTo(600);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T11:30"), deducted, hourly)).isEqualTo(300);
    }

    @Test
    void notesTheDeductedWindowWithAZeroLine() {
        Ledger ledger = Fixtures.fold(stay("2024-03-01T10:00", "2024-03-01T11:00"), deducted, hourly);
        assertThat(ledger.chargeFrom()).isEqualTo(at("2024-03-01T10:30"));
        assertThat(ledger.lines().get(0)).satisfies(line -> {
            assertThat(line.rule()).isEqualTo("FreeMinutes");
            assertThat(line.amount().isZero()).isTrue();
            assertThat(line.to()).isEqualTo(at("2024-03-01T10:30"));
        });
    }

    @Test
    void runsInTheWindowPhaseOnlyWhenDeducted() {
        assertThat(deducted.phase()).isEqualTo(Phase.WINDOW);
        assertThat(shortStays.phase()).isEqualTo(Phase.ADJUST);
    }

    @Test
    void rejectsNonPositiveMinutesAndMissingMode() {
        assertThatThrownBy(() -> new FreeMinutes(0, FreeMinutes.Mode.DEDUCTED))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("minutes");
        assertThatThrownBy(() -> new FreeMinutes(30, null))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("mode");
    }
}
