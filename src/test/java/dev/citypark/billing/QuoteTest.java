package dev.citypark.billing;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteTest {

    private static final Instant FROM = Instant.parse("2024-09-02T01:00:00Z");
    private static final Instant TO = Instant.parse("2024-09-02T03:00:00Z");
    private static final TariffId ID = TariffId.of("QD-T1-CORE");
    private static final LocalDate VERSION = LocalDate.of(2024, 7, 1);

    private static BreakdownLine line(LineKind kind, long fen) {
        return new BreakdownLine("R", kind, "en", "zh", Money.ofFen(fen), FROM, TO);
    }

    @Test
    void keepsLinesSummingToTheTotalAndReportsTheStayFee() {
        Quote quote = new Quote(Money.ofFen(300), List.of(line(LineKind.CHARGE, 800), line(LineKind.PAYMENT, -500)),
                ID, VERSION);
        assertThat(quote.stayFee()).isEqualTo(Money.ofFen(800));
        assertThat(quote.total()).isEqualTo(Money.ofFen(300));
    }

    @Test
    void rejectsATotalDifferentFromItsLines() {
        assertThatThrownBy(() -> new Quote(Money.ofFen(700), List.of(line(LineKind.CHARGE, 800)), ID, VERSION))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("sum of its breakdown lines");
    }

    @Test
    void rejectsANegativeTotal() {
        assertThatThrownBy(() -> new Quote(Money.ofFen(-100), List.of(line(LineKind.DISCOUNT, -100)), ID, VERSION))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("negative");
    }

    @Test
    void rejectsALineEndingBeforeItStarts() {
        assertThatThrownBy(() -> new BreakdownLine("R", LineKind.CHARGE, "en", "zh", Money.ZERO, TO, FROM))
                .isInstanceOf(InvalidValueException.class);
    }
}
