package dev.citypark.registry;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningHoursSyntaxTest {

    @Test
    void acceptsTheFormsTheGeneratorWrites() {
        assertThat(OpeningHoursSyntax.isValid("24/7")).isTrue();
        assertThat(OpeningHoursSyntax.isValid("Mo-Su 06:00-23:00")).isTrue();
        assertThat(OpeningHoursSyntax.isValid("Mo-Su 06:00-23:30")).isTrue();
        assertThat(OpeningHoursSyntax.isValid("Mo-Fr 07:00-22:00; Sa,Su 08:00-20:00")).isTrue();
        assertThat(OpeningHoursSyntax.isValid("Mo-Su 07:30-19:30")).isTrue();
        assertThat(OpeningHoursSyntax.isValid("Mo-Sa 08:00-18:00")).isTrue();
    }

    @Test
    void rejectsWhatIsNotOpeningHoursSyntax() {
        assertThat(OpeningHoursSyntax.isValid("always")).isFalse();
        assertThat(OpeningHoursSyntax.isValid("Mo-Fr 08:00-")).isFalse();
        assertThat(OpeningHoursSyntax.isValid(" ")).isFalse();
    }

    @Test
    void namesTheFieldOnFailure() {
        assertThatThrownBy(() -> OpeningHoursSyntax.requireValid("paidHours", "daytime"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("paidHours"));
    }
}
