package dev.citypark.registry.web;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageLimitTest {

    @Test
    void defaultsToOneHundredAndAcceptsOneToOneThousand() {
        assertThat(PageLimit.parse(null)).isEqualTo(100);
        assertThat(PageLimit.parse(" ")).isEqualTo(100);
        assertThat(PageLimit.parse("1")).isEqualTo(1);
        assertThat(PageLimit.parse("1000")).isEqualTo(1000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "1001", "5000", "ten", "1.5", "99999999999"})
    void refusesOthers(String text) {
        assertThatThrownBy(() -> PageLimit.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("limit"));
    }
}
