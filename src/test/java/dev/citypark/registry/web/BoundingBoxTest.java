package dev.citypark.registry.web;

import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LatLon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundingBoxTest {

    static final GeoPoint MAY_FOURTH_SQUARE = GeoPoint.of(36.0614, 120.3844);

    @Test
    void containsPointsInWgs84() {
        BoundingBox box = BoundingBox.parse("120.38,36.06,120.39,36.07", Crs.WGS84);
        assertThat(box.contains(MAY_FOURTH_SQUARE)).isTrue();
        assertThat(box.contains(GeoPoint.of(36.0614, 120.3944))).isFalse();
        assertThat(box.wgs84Envelope().contains(MAY_FOURTH_SQUARE.asJtsCoordinate())).isTrue();
        assertThat(box.normalised()).isEqualTo("120.3800000,36.0600000,120.3900000,36.0700000");
    }

    @Test
    void matchesPointsInTheRequestedCrsAndItsEnvelopeCoversThemInWgs84() {
        for (Crs crs : new Crs[] {Crs.GCJ02, Crs.BD09}) {
            LatLon shifted = crs.fromWgs84(MAY_FOURTH_SQUARE);
            BoundingBox box = BoundingBox.parse((shifted.lon() - 0.0002) + "," + (shifted.lat() - 0.0002) + ","
                    + (shifted.lon() + 0.0002) + "," + (shifted.lat() + 0.0002), crs);
            assertThat(box.contains(MAY_FOURTH_SQUARE)).as(crs.code()).isTrue();
            assertThat(box.wgs84Envelope().contains(MAY_FOURTH_SQUARE.asJtsCoordinate())).as(crs.code()).isTrue();
            BoundingBox sameNumbersInWgs84 = BoundingBox.parse((shifted.lon() - 0.0002) + ","
                    + (shifted.lat() - 0.0002) + "," + (shifted.lon() + 0.0002) + "," + (shifted.lat() + 0.0002),
                    Crs.WGS84);
            assertThat(sameNumbersInWgs84.contains(MAY_FOURTH_SQUARE)).as(crs.code()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"120.39,36.06,120.38,36.07", "120.38,36.07,120.39,36.06", "120.38,36.06,120.38,36.07",
            "120.38,36.06,120.39", "120.38,36.06,120.39,36.07,1", "a,b,c,d", "120.38,NaN,120.39,36.07",
            "-181,36.06,120.39,36.07", "120.38,-91,120.39,36.07", "120.38,36.06,181,36.07", "120.38,36.06,120.39,91",
            ""})
    void refusesMalformedInvertedOrOutOfRangeBoxes(String text) {
        assertThatThrownBy(() -> BoundingBox.parse(text, Crs.WGS84))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("bbox"));
    }
}
