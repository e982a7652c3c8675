package dev.citypark.search;

import static dev.citypark.search.TestStreets.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import dev.citypark.core.GeoPoint;
import dev.citypark.registry.Wgs84Geometry;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

class LocalPlaneTest {

    private final LocalPlane plane = new LocalPlane(TestStreets.CENTRE);

    @Test
    void theFootOfThePerpendicularOnAStraightKerb() {
        LineString kerb = line(at(-500, 200), at(500, 200));

        LocalPlane.Nearest nearest = plane.nearestOn(kerb);

        // a GeoJSON line is straight in longitude/latitude (RFC 7946 3.1.1): between its ends it runs up to
        // L² tan(lat) / 8R = 1.4 cm equatorward of the geodesic through them, so a little nearer than 200 m
        assertThat(plane.geodesicMetres(nearest)).isCloseTo(nearestOnLine(TestStreets.CENTRE,
                at(-500, 200), at(500, 200)), within(0.002)).isBetween(199.98, 200.0);
        assertThat(nearest.point().distanceMetresTo(at(0, 200))).isLessThan(0.02);
    }

    @Test
    void anEndOfTheKerbWhenThePerpendicularMissesIt() {
        LineString kerb = line(at(100, 100), at(400, 100));

        LocalPlane.Nearest nearest = plane.nearestOn(kerb);

        assertThat(nearest.point()).isEqualTo(at(100, 100));
        assertThat(nearest.planeMetres()).isCloseTo(Math.hypot(100, 100), within(0.2));
        assertThat(plane.geodesicMetres(nearest)).isCloseTo(Math.hypot(100, 100), within(0.01));
    }

    @Test
    void matchesABruteForceSearchAlongTheLineToACentimetre() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 300; i++) {
            GeoPoint[] vertices = new GeoPoint[2 + random.nextInt(4)];
            double x = -4_500 + random.nextDouble(9_000);
            double y = -4_500 + random.nextDouble(9_000);
            for (int v = 0; v < vertices.length; v++) {
                vertices[v] = at(x, y);
                x += -400 + random.nextDouble(800);
                y += -400 + random.nextDouble(800);
            }
            double expected = Double.POSITIVE_INFINITY;
            for (int v = 1; v < vertices.length; v++) {
                expected = Math.min(expected, nearestOnLine(TestStreets.CENTRE, vertices[v - 1], vertices[v]));
            }

            LocalPlane.Nearest nearest = plane.nearestOn(line(vertices));

            // never nearer than the true nearest point (it is a point of the line), never more than 1 cm farther
            assertThat(plane.geodesicMetres(nearest)).isBetween(expected - 0.002, expected + 0.01);
        }
    }

    @Test
    void planeDistancesAreWithinATenthOfAPercentOfGeodesicsWithinFiveKilometresAnywhereInChina() {
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 5_000; i++) {
            GeoPoint origin = GeoPoint.of(18 + random.nextDouble(35), 74 + random.nextDouble(60));
            LocalPlane local = new LocalPlane(origin);
            var d = Geodesic.WGS84.Direct(origin.lat(), origin.lon(), random.nextDouble(360),
                    1 + random.nextDouble(5_000), GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
            GeoPoint p = GeoPoint.of(d.lat2, d.lon2);
            double geodesic = origin.distanceMetresTo(p);

            double planeMetres = local.planeMetres(p.asJtsCoordinate());

            assertThat(Math.abs(planeMetres - geodesic))
                    .isLessThanOrEqualTo(LocalPlane.MAX_RELATIVE_ERROR * geodesic + 0.02);
            assertThat(local.geodesicMetres(p)).isCloseTo(geodesic, within(1e-6));
            assertThat(local.certainlyBeyond(planeMetres, geodesic)).isFalse();
        }
    }

    /**
     * Minimum geodesic distance from c to the straight longitude/latitude line a-b (how GeoJSON and JTS read a line),
     * by golden-section search along it (unimodal at these lengths).
     */
    private static double nearestOnLine(GeoPoint c, GeoPoint a, GeoPoint b) {
        double lo = 0;
        double hi = 1;
        double phi = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 100; i++) {
            double m1 = hi - phi * (hi - lo);
            double m2 = lo + phi * (hi - lo);
            if (distance(c, a, b, m1) < distance(c, a, b, m2)) {
                hi = m2;
            }
            else {
                lo = m1;
            }
        }
        return Math.min(distance(c, a, b, (lo + hi) / 2), Math.min(distance(c, a, b, 0), distance(c, a, b, 1)));
    }

    private static double distance(GeoPoint c, GeoPoint a, GeoPoint b, double t) {
        double lat = a.lat() + t * (b.lat() - a.lat());
        double lon = a.lon() + t * (b.lon() - a.lon());
        return Geodesic.WGS84.Inverse(c.lat(), c.lon(), lat, lon, GeodesicMask.DISTANCE).s12;
    }

    private static LineString line(GeoPoint... points) {
        Coordinate[] coordinates = new Coordinate[points.length];
        for (int i = 0; i < points.length; i++) {
            coordinates[i] = points[i].asJtsCoordinate();
        }
        return Wgs84Geometry.factory().createLineString(coordinates);
    }
}
