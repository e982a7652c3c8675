package dev.citypark.billing.tariff;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstHourThenHourlyTest {

    private final FirstHourThenHourly rate = new FirstHourThenHourly(500, 300);

    @Test
    void chargesTheFirstHourPriceForAnyStayUpToAnHour() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T10:01"), rate)).isEqualTo(500);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T11:00"), rate)).isEqualTo(500);
    }

    @Test
    void chargesEveryStartedLaterHourAtTheLaterPrice() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T11:01"), rate)).isEqualTo(800);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T13:30"), rate)).isEqualTo(500 + 3 * 300);
    }

    @Test
    void writesOneLineForTheFirstHourAndOneForTheLaterHours() {
        Ledger ledger = Fixtures.fold(stay("2024-03-01T10:00", "2024-03-01T12:30"), rate);
        assertThat(ledger.lines()).extracting(line -> line.descriptionEn())
                .containsExactly("first hour: ¥5.00 × 1", "later hours: ¥3.00 per hour × 2");
        assertThat(ledger.lines()).extracting(line -> line.amount().fen()).containsExactly(500L, 600L);
    }

    @Test
    void rejectsNegativePrices() {
        assertThatThrownBy(() -> new FirstHourThenHourly(-1, 300)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("firstHourFen");
        assertThatThrownBy(() -> new FirstHourThenHourly(500, -3)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("laterHourFen");
    }
}
