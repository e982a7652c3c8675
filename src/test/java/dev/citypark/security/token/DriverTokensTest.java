package dev.citypark.security.token;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DriverTokensTest {

    @Test
    void normalizesMainlandMobileNumbers() {
        assertThat(DriverTokens.normalizePhone("13800000001")).isEqualTo("13800000001");
        assertThat(DriverTokens.normalizePhone("+86 138-0000-0001")).isEqualTo("13800000001");
        assertThat(DriverTokens.normalizePhone("8613800000001")).isEqualTo("13800000001");
    }

    @Test
    void refusesWhatIsNotAMainlandMobileNumber() {
        for (String bad : new String[] {"", "12345", "12800000001", "1380000000a", "138000000011", "+1 415 555 0100"}) {
            assertThatThrownBy(() -> DriverTokens.normalizePhone(bad))
                    .isInstanceOf(InvalidValueException.class)
                    .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("phone"));
        }
        assertThatThrownBy(() -> DriverTokens.normalizePhone(null)).isInstanceOf(InvalidValueException.class);
    }
}
