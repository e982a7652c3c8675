package dev.citypark.findmycar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RouteStartTest {

    @Test
    void parsesAQrAnchor() {
        assertThat(RouteStart.parse("QD-L-00001.B2-PC03")).isEqualTo(new RouteStart.QrAnchor("QD-L-00001.B2-PC03"));
        assertThat(RouteStart.parse(" QD-L-00001.B2-E1 ")).isEqualTo(new RouteStart.QrAnchor("QD-L-00001.B2-E1"));
    }

    @Test
    void parsesAPositionWithAndWithoutAFloor() {
        assertThat(RouteStart.parse("36.0671,120.3826"))
                .isEqualTo(new RouteStart.Position(GeoPoint.of(36.0671, 120.3826), Optional.empty()));
        assertThat(RouteStart.parse("36.0671, 120.3826, B2"))
                .isEqualTo(new RouteStart.Position(GeoPoint.of(36.0671, 120.3826), Optional.of("B2")));
        assertThat(RouteStart.parse("-36.5,-120,-2"))
                .isEqualTo(new RouteStart.Position(GeoPoint.of(-36.5, -120), Optional.of("-2")));
    }

    @Test
    void convertsAPositionFromTheGivenCrs() {
        GeoPoint wgs = GeoPoint.of(36.0671, 120.3826);
        var gcj = Crs.GCJ02.fromWgs84(wgs);

        RouteStart start = RouteStart.parse(gcj.lat() + "," + gcj.lon() + ",B1", Crs.GCJ02);

        assertThat(start).isInstanceOfSatisfying(RouteStart.Position.class, p -> {
            assertThat(p.point().distanceMetresTo(wgs)).isLessThan(0.05);
            assertThat(p.floor()).contains("B1");
        });
        assertThat(RouteStart.parse("QD-L-00001.B2-E1", Crs.BD09)).isEqualTo(new RouteStart.QrAnchor("QD-L-00001.B2-E1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "91,120", "36.1,181", "36.1,abc", "36.1,120.3,B2,x", "a b", "#1", ".x"})
    void rejectsAnythingElseNamingTheFromParameter(String text) {
        assertThatThrownBy(() -> RouteStart.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> RouteStart.parse(null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("from is required");
    }
}
