package dev.citypark.billing.tariff;

import dev.citypark.billing.StayRequest;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import org.junit.jupiter.api.Test;

import static dev.citypark.billing.tariff.Fixtures.at;
import static dev.citypark.billing.tariff.Fixtures.fee;
import static dev.citypark.billing.tariff.Fixtures.fold;
import static dev.citypark.billing.tariff.Fixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostPaymentGraceTest {

    private final PostPaymentGrace grace = new PostPaymentGrace(15);
    private final UnitRate quarterHours = new UnitRate(15, 100);

    @Test
    void endsTheChargeableWindowAtPaymentWhenLeavingWithinTheGrace() {
        StayRequest stay = stay("2024-03-01T10:00", "2024-03-01T11:14")
                .withPayment(at("2024-03-01T11:00"), Money.ofFen(400));
        Ledger ledger = fold(stay, grace, quarterHours);
        assertThat(ledger.chargeTo()).isEqualTo(at("2024-03-01T11:00"));
        assertThat(ledger.netTotalFen()).isEqualTo(400);
    }

    @Test
    void keepsTheWholeStayWhenLeavingAfterTheGrace() {
        StayRequest stay = stay("2024-03-01T10:00", "2024-03-01T11:16")
                .withPayment(at("2024-03-01T11:00"), Money.ofFen(400));
        assertThat(fee(stay, grace, quarterHours)).isEqualTo(600);
        assertThat(fold(stay, grace, quarterHours).lines().get(0).descriptionEn()).contains("accrue");
    }

    @Test
    void treatsLeavingExactlyAtTheEndOfTheGraceAsWithin() {
        StayRequest stay = stay("2024-03-01T10:00", "2024-03-01T11:15")
                .withPayment(at("2024-03-01T11:00"), Money.ofFen(400));
        assertThat(fee(stay, grace, quarterHours)).isEqualTo(400);
    }

    @Test
    void doesNothingWithoutAPayment() {
        StayRequest stay = stay("2024-03-01T10:00", "2024-03-01T11:14");
        Ledger ledger = fold(stay, grace, quarterHours);
        assertThat(ledger.chargeTo()).isEqualTo(at("2024-03-01T11:14"));
        assertThat(ledger.windowLines()).isEmpty();
    }

    @Test
    void rejectsNonPositiveMinutes() {
        assertThatThrownBy(() -> new PostPaymentGrace(0)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("minutes");
    }
}
