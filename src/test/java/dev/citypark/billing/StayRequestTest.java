package dev.citypark.billing;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StayRequestTest {

    private static final Instant ENTRY = Instant.parse("2024-09-02T01:00:00Z");
    private static final Instant EXIT = Instant.parse("2024-09-02T03:30:00Z");

    private static String fieldOf(Throwable e) {
        return ((InvalidValueException) e).field();
    }

    @Test
    void describesAnOrdinaryStay() {
        StayRequest stay = StayRequest.of(ENTRY, EXIT);
        assertThat(stay.size()).isEqualTo(VehicleSize.SMALL);
        assertThat(stay.newEnergy()).isFalse();
        assertThat(stay.monthlyPass()).isFalse();
        assertThat(stay.paidAt()).isEmpty();
        assertThat(stay.alreadyPaid()).isEqualTo(Money.ZERO);
        assertThat(stay.duration()).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void acceptsAnEmptyStay() {
        assertThat(StayRequest.of(ENTRY, ENTRY).duration()).isZero();
    }

    @Test
    void rejectsExitBeforeEntry() {
        assertThatThrownBy(() -> StayRequest.of(EXIT, ENTRY)).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("exit"));
    }

    @Test
    void rejectsAPaymentOutsideTheStay() {
        assertThatThrownBy(() -> StayRequest.of(ENTRY, EXIT).withPayment(ENTRY.minusSeconds(1), Money.ofYuan(1)))
                .isInstanceOf(InvalidValueException.class).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("paidAt"));
        assertThatThrownBy(() -> StayRequest.of(ENTRY, EXIT).withPayment(EXIT.plusSeconds(1), Money.ofYuan(1)))
                .isInstanceOf(InvalidValueException.class).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("paidAt"));
    }

    @Test
    void rejectsMissingOrNegativeValues() {
        assertThatThrownBy(() -> new StayRequest(null, EXIT, VehicleSize.SMALL, false, false, Optional.empty(),
                Money.ZERO)).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("entry"));
        assertThatThrownBy(() -> new StayRequest(ENTRY, EXIT, null, false, false, Optional.empty(), Money.ZERO))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("size"));
        assertThatThrownBy(() -> new StayRequest(ENTRY, EXIT, VehicleSize.SMALL, false, false, Optional.empty(),
                Money.ofFen(-1))).satisfies(e -> assertThat(fieldOf(e)).isEqualTo("alreadyPaid"));
    }
}
