package dev.citypark.billing.tariff;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.at;
import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatRateTest {

    private final FlatRate flat = new FlatRate(500);

    @Test
    void chargesOnceHoweverLong() {
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-01T10:05"), flat)).isEqualTo(500);
        assertThat(fee(stay("2024-03-01T10:00", "2024-03-03T10:00"), flat)).isEqualTo(500);
    }

    @Test
    void chargesNothingForAnEmptySegment() {
        assertThat(flat.charge(at("2024-03-01T10:00"), at("2024-03-01T10:00"), at("2024-03-01T10:00"))).isEmpty();
    }

    @Test
    void rejectsANegativeAmount() {
        assertThatThrownBy(() -> new FlatRate(-500)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("amountFen");
    }
}
