package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @Test
    void yuanAreHundredsOfFen() {
        assertThat(Money.ofYuan(200)).isEqualTo(Money.ofFen(20000));
        assertThat(Money.ofYuan(-3).fen()).isEqualTo(-300);
        assertThat(Money.ZERO.fen()).isZero();
    }

    @Test
    void addsSubtractsAndMultiplies() {
        Money price = Money.ofFen(1250);
        assertThat(price.plus(Money.ofFen(50))).isEqualTo(Money.ofFen(1300));
        assertThat(price.minus(Money.ofFen(1300))).isEqualTo(Money.ofFen(-50));
        assertThat(price.times(3)).isEqualTo(Money.ofFen(3750));
        assertThat(price.times(0)).isEqualTo(Money.ZERO);
        assertThat(price.times(-1)).isEqualTo(Money.ofFen(-1250));
    }

    @Test
    void overflowThrowsInsteadOfWrappingAround() {
        Money max = Money.ofFen(Long.MAX_VALUE);
        Money min = Money.ofFen(Long.MIN_VALUE);
        assertThatThrownBy(() -> max.plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.minus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> min.times(-1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofYuan(Long.MAX_VALUE / 100 + 1)).isInstanceOf(ArithmeticException.class);
        assertThat(Money.ofYuan(Long.MAX_VALUE / 100).fen()).isEqualTo(Long.MAX_VALUE / 100 * 100);
    }

    @Test
    void comparesByAmount() {
        Money small = Money.ofFen(100);
        Money big = Money.ofFen(250);
        assertThat(small).isLessThan(big);
        assertThat(small.min(big)).isSameAs(small);
        assertThat(small.max(big)).isSameAs(big);
        assertThat(big.min(small)).isSameAs(small);
        assertThat(big.max(small)).isSameAs(big);
        assertThat(big.isGreaterThan(small)).isTrue();
        assertThat(small.isGreaterThan(small)).isFalse();
        assertThat(List.of(big, Money.ofFen(-5), small).stream().sorted().toList())
                .containsExactly(Money.ofFen(-5), small, big);
    }

    @Test
    void knowsZeroAndNegative() {
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.ofFen(1).isZero()).isFalse();
        assertThat(Money.ofFen(-1).isNegative()).isTrue();
        assertThat(Money.ZERO.isNegative()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "0, ¥0.00", "1, ¥0.01", "9, ¥0.09", "10, ¥0.10", "1250, ¥12.50", "20000, ¥200.00", "-50, -¥0.50",
            "-1, -¥0.01", "-1250, -¥12.50", "9223372036854775807, ¥92233720368547758.07",
            "-9223372036854775808, -¥92233720368547758.08"})
    void printsYuanWithTwoDecimals(long fen, String expected) {
        assertThat(Money.ofFen(fen)).hasToString(expected);
    }
}
