package dev.citypark.registry.web;

import java.util.Locale;

import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LatLon;
import dev.citypark.registry.Wgs84Geometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A {@code bbox=minLon,minLat,maxLon,maxLat} query parameter, given in the request's {@link Crs}.
 * <p>
 * Points are matched exactly in that crs ({@link #contains(GeoPoint)} converts the WGS-84 point and compares).
 * For the spatial index the box is converted to WGS-84: its four corners, densified along the edges, converted and
 * enclosed with a small margin ({@link #wgs84Envelope()}), a superset of the box in any crs. Lines are matched against
 * the converted box outline ({@link #intersects(Geometry)}); the GCJ-02 offset varies by well under a metre across a
 * city-sized box, so the outline is exact for practical purposes.
 */
final class BoundingBox {

    /** Degrees added around the converted box so no candidate is lost to rounding (about 11 m). */
    private static final double MARGIN_DEGREES = 1e-4;
    private static final int EDGE_STEPS = 8;

    private final double minLon;
    private final double minLat;
    private final double maxLon;
    private final double maxLat;
    private final Crs crs;
    private final Polygon wgs84Outline;
    private final Envelope wgs84Envelope;

    private BoundingBox(double minLon, double minLat, double maxLon, double maxLat, Crs crs) {
        this.minLon = minLon;
        this.minLat = minLat;
        this.maxLon = maxLon;
        this.maxLat = maxLat;
        this.crs = crs;
        Coordinate[] ring = new Coordinate[4 * EDGE_STEPS + 1];
        int i = 0;
        double[][] corners = {{minLon, minLat}, {maxLon, minLat}, {maxLon, maxLat}, {minLon, maxLat}};
        for (int edge = 0; edge < 4; edge++) {
            double[] from = corners[edge];
            double[] to = corners[(edge + 1) % 4];
            for (int step = 0; step < EDGE_STEPS; step++) {
                double t = (double) step / EDGE_STEPS;
                GeoPoint wgs = crs.toWgs84(from[1] + t * (to[1] - from[1]), from[0] + t * (to[0] - from[0]));
                ring[i++] = wgs.asJtsCoordinate();
            }
        }
        ring[i] = ring[0];
        this.wgs84Outline = Wgs84Geometry.factory().createPolygon(ring);
        Envelope envelope = new Envelope(wgs84Outline.getEnvelopeInternal());
        envelope.expandBy(MARGIN_DEGREES);
        this.wgs84Envelope = envelope;
    }

    /**
     * Parses {@code minLon,minLat,maxLon,maxLat}.
     *
     * @throws InvalidValueException (field {@code bbox}) unless it is four finite numbers in range with
     *                               min &lt; max on both axes
     */
    static BoundingBox parse(String text, Crs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4) {
            throw invalid("bbox must be four numbers minLon,minLat,maxLon,maxLat, was '" + shorten(text) + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            }
            catch (NumberFormatException e) {
                throw invalid("bbox must be four numbers minLon,minLat,maxLon,maxLat, was '" + shorten(text) + "'");
            }
            if (!Double.isFinite(v[i])) {
                throw invalid("bbox values must be finite numbers");
            }
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > 180 || v[2] < -180 || v[1] > 90
                || v[3] < -90) {
            throw invalid("bbox is out of range (longitude -180..180, latitude -90..90)");
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw invalid("bbox is inverted or empty: minLon must be less than maxLon and minLat less than maxLat");
        }
        return new BoundingBox(v[0], v[1], v[2], v[3], crs);
    }

    /** A superset of the box in WGS-84, for the spatial index. */
    Envelope wgs84Envelope() {
        return wgs84Envelope;
    }

    /** Whether the WGS-84 point, expressed in the request's crs, lies in the box (edges included). */
    boolean contains(GeoPoint wgs84) {
        LatLon p = crs.fromWgs84(wgs84);
        return p.lon() >= minLon && p.lon() <= maxLon && p.lat() >= minLat && p.lat() <= maxLat;
    }

    /** Whether a WGS-84 geometry meets the box. */
    boolean intersects(Geometry wgs84) {
        return wgs84Outline.intersects(wgs84);
    }

    /** A canonical text of the box for cursor fingerprints. */
    String normalised() {
        return String.format(Locale.ROOT, "%.7f,%.7f,%.7f,%.7f", minLon, minLat, maxLon, maxLat);
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    private static InvalidValueException invalid(String message) {
        return new InvalidValueException("bbox", message);
    }
}
