package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;

class GeoPointTest {

    @ParameterizedTest
    @CsvSource({"90, 0", "-90, 0", "0, 180", "0, -180", "90, 180", "-90, -180", "0, 0", "36.0671, 120.3826"})
    void acceptsTheWholeRangeIncludingItsBounds(double lat, double lon) {
        GeoPoint p = GeoPoint.of(lat, lon);
        assertThat(p.lat()).isEqualTo(lat);
        assertThat(p.lon()).isEqualTo(lon);
    }

    @ParameterizedTest
    @CsvSource({"90.0000001, 0", "-90.0000001, 0", "91, 0", "-1000, 0", "NaN, 0", "Infinity, 0", "-Infinity, 0"})
    void rejectsBadLatitudeNamingLat(double lat, double lon) {
        assertThatThrownBy(() -> GeoPoint.of(lat, lon))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("lat");
                    assertThat(e.getMessage()).contains("-90 and 90");
                });
    }

    @ParameterizedTest
    @CsvSource({"0, 180.0000001", "0, -180.0000001", "0, 360", "0, NaN", "0, Infinity", "0, -Infinity"})
    void rejectsBadLongitudeNamingLon(double lat, double lon) {
        assertThatThrownBy(() -> GeoPoint.of(lat, lon))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("lon");
                    assertThat(e.getMessage()).contains("-180 and 180");
                });
    }

    @Test
    void normalisesToSevenDecimals() {
        GeoPoint p = GeoPoint.of(36.06712344999, 120.38267755001);
        assertThat(p.lat()).isEqualTo(36.0671234);
        assertThat(p.lon()).isEqualTo(120.3826776);
        assertThat(GeoPoint.of(36.06712344999, 120.38267755001)).isEqualTo(GeoPoint.of(36.0671234, 120.3826776));
    }

    @Test
    void normalisesTinyNegativesToPositiveZero() {
        GeoPoint p = GeoPoint.of(-0.00000001, -0.0);
        assertThat(p.lat()).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(p.lat())).isZero();
        assertThat(Double.doubleToRawLongBits(p.lon())).isZero();
        assertThat(p).isEqualTo(GeoPoint.of(0, 0));
    }

    @Test
    void convertsToAndFromJtsInLonLatAxisOrder() {
        GeoPoint p = GeoPoint.of(36.0671, 120.3826);
        Coordinate c = p.asJtsCoordinate();
        assertThat(c.x).isEqualTo(120.3826);
        assertThat(c.y).isEqualTo(36.0671);
        assertThat(GeoPoint.fromJts(new Coordinate(120.3826, 36.0671))).isEqualTo(p);
    }

    @Test
    void fromJtsValidatesToo() {
        assertThatThrownBy(() -> GeoPoint.fromJts(new Coordinate(120, 95)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lat"));
    }

    /** GeographicLib's documented example: JFK (40.6, -73.8) to LHR (51.6, -0.5) is 5551759.400319 m on WGS-84. */
    @Test
    void measuresGeodesicDistanceLikeGeographicLibsPublishedExample() {
        GeoPoint jfk = GeoPoint.of(40.6, -73.8);
        GeoPoint lhr = GeoPoint.of(51.6, -0.5);
        assertThat(jfk.distanceMetresTo(lhr)).isCloseTo(5551759.400319, within(1e-6));
        assertThat(lhr.distanceMetresTo(jfk)).isCloseTo(5551759.400319, within(1e-6));
    }

    @Test
    void measuresShortDistancesOnTheEllipsoid() {
        GeoPoint p = GeoPoint.of(36.0, 120.0);
        assertThat(p.distanceMetresTo(p)).isZero();
        // one degree of latitude centred on 36 N is the meridian radius of curvature there times pi/180:
        // M = a(1 - e^2) / (1 - e^2 sin^2 phi)^1.5 with WGS-84 a = 6378137, f = 1/298.257223563 (about 110,959 m,
        // where a sphere of mean radius 6371 km would give 111,195 m)
        double a = 6378137.0;
        double f = 1 / 298.257223563;
        double e2 = f * (2 - f);
        double sin = Math.sin(Math.toRadians(36));
        double metresPerDegree = a * (1 - e2) / Math.pow(1 - e2 * sin * sin, 1.5) * Math.PI / 180;
        assertThat(metresPerDegree).isCloseTo(110959, within(1.0));
        assertThat(p.distanceMetresTo(GeoPoint.of(35.5, 120.0)) + p.distanceMetresTo(GeoPoint.of(36.5, 120.0)))
                .isCloseTo(metresPerDegree, within(0.05));
        // one 7-decimal step of latitude is about 1.1 cm
        assertThat(p.distanceMetresTo(GeoPoint.of(36.0000001, 120.0))).isCloseTo(0.0111, within(0.0002));
    }

    @Test
    void printsPlainDecimalsNeverExponents() {
        assertThat(GeoPoint.of(36.0671, 120.3826)).hasToString("36.0671,120.3826");
        assertThat(GeoPoint.of(36, 120)).hasToString("36.0,120.0");
        assertThat(GeoPoint.of(0.0000001, -0.0005)).hasToString("0.0000001,-0.0005");
        assertThat(GeoPoint.of(-90, -180)).hasToString("-90.0,-180.0");
    }
}
