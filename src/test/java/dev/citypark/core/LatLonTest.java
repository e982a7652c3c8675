package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatLonTest {

    @Test
    void roundsToSevenDecimals() {
        LatLon l = new LatLon(36.066123456789, 120.38261234449);
        assertThat(l.lat()).isEqualTo(36.0661235);
        assertThat(l.lon()).isEqualTo(120.3826123);
    }

    @Test
    void rejectsOutOfRangeAndNonFiniteValuesNamingTheField() {
        assertThatThrownBy(() -> new LatLon(Double.NaN, 0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lat"));
        assertThatThrownBy(() -> new LatLon(0, 180.5))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lon"));
    }

    @Test
    void printsPlainDecimals() {
        assertThat(new LatLon(36.0661235, 120.0)).hasToString("36.0661235,120.0");
        assertThat(new LatLon(0.0000001, -0.0005)).hasToString("0.0000001,-0.0005");
    }
}
