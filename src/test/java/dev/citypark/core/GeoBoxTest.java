package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Envelope;

class GeoBoxTest {

    private static final GeoPoint QINGDAO = GeoPoint.of(36.0671, 120.3826);

    @Test
    void aKilometreIsWiderInDegreesOfLongitudeThanOfLatitudeAtQingdao() {
        Envelope box = GeoBox.around(QINGDAO, 1_000);

        // 1 km is about 0.009 degrees of latitude and 0.009 / cos(36°) = 0.0111 degrees of longitude
        assertThat(box.getHeight() / 2).isBetween(0.0089, 0.0091);
        assertThat(box.getWidth() / 2).isBetween(0.0110, 0.0112);
        assertThat(box.centre().x).isCloseTo(QINGDAO.lon(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"36.0671, 120.3826, 5000", "36.0671, 120.3826, 10", "-33.86, 151.2, 3000", "70.0, 20.0, 5000",
            "0.0, 0.0, 4000", "80.0, 20.0, 100000", "60.0, 10.0, 500000", "-70.0, -60.0, 250000", "45.0, 0, 1000000"})
    void containsEveryPointOfTheGeodesicCircle(double lat, double lon, double radius) {
        GeoPoint centre = GeoPoint.of(lat, lon);
        Envelope box = GeoBox.around(centre, radius);

        for (double azimuth = 0; azimuth < 360; azimuth += 0.25) {
            GeodesicData d = Geodesic.WGS84.Direct(lat, lon, azimuth, radius,
                    GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
            assertThat(box.contains(d.lon2, d.lat2)).as("azimuth %s", azimuth).isTrue();
        }
    }

    @Test
    void isTightWithinAMetreOfTheCircle() {
        Envelope box = GeoBox.around(QINGDAO, 5_000);

        double north = GeoPoint.of(box.getMaxY(), QINGDAO.lon()).distanceMetresTo(QINGDAO);
        double east = GeoPoint.of(QINGDAO.lat(), box.getMaxX()).distanceMetresTo(QINGDAO);
        assertThat(north).isBetween(5_000.0, 5_006.0);
        assertThat(east).isBetween(5_000.0, 5_006.0);
    }

    @Test
    void randomPointsInsideTheRadiusAreInsideTheBox() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            double radius = 1 + random.nextDouble(5_000);
            GeoPoint centre = GeoPoint.of(35.5 + random.nextDouble(1.5), 119.5 + random.nextDouble(1.5));
            Envelope box = GeoBox.around(centre, radius);
            GeodesicData d = Geodesic.WGS84.Direct(centre.lat(), centre.lon(), random.nextDouble(360),
                    random.nextDouble(radius), GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
            assertThat(box.contains(d.lon2, d.lat2)).isTrue();
        }
    }

    @Test
    void aCircleAcrossTheAntimeridianGetsTheFullLongitudeRange() {
        Envelope box = GeoBox.around(GeoPoint.of(10, 179.99), 5_000);

        assertThat(box.getMinX()).isEqualTo(-180);
        assertThat(box.getMaxX()).isEqualTo(180);
        assertThat(box.getMinY()).isLessThan(10).isGreaterThan(9.9);
    }

    @Test
    void aCircleAroundAPoleReachesIt() {
        Envelope box = GeoBox.around(GeoPoint.of(89.99, 45), 5_000);

        assertThat(box.getMaxY()).isEqualTo(90);
        assertThat(box.getWidth()).isEqualTo(360);
    }

    @Test
    void aLargeCircleReachesThePoleFromFarAway() {
        // the north pole is about 558 km from 85°N
        Envelope box = GeoBox.around(GeoPoint.of(85, 10), 600_000);

        assertThat(box.getMaxY()).isEqualTo(90);
        assertThat(box.getWidth()).isEqualTo(360);
        assertThat(GeoBox.around(GeoPoint.of(85, 10), 500_000).getMaxY()).isLessThan(90);
    }

    @Test
    void aZeroRadiusIsThePointItself() {
        Envelope box = GeoBox.around(QINGDAO, 0);

        assertThat(box.contains(QINGDAO.asJtsCoordinate())).isTrue();
        assertThat(box.getArea()).isZero();
    }

    @Test
    void rejectsANegativeRadius() {
        assertThatThrownBy(() -> GeoBox.around(QINGDAO, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeoBox.around(QINGDAO, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
