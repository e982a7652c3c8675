package dev.citypark.registry;

import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The registry's JTS conventions: WGS-84 (SRID 4326), x = longitude, y = latitude (GeoJSON axis order), coordinates
 * rounded to 7 decimals like {@link GeoPoint}. Geometry checks here fail with {@link InvalidValueException} naming
 * the caller's field.
 */
public final class Wgs84Geometry {

    /** EPSG code of WGS-84 longitude/latitude. */
    public static final int SRID = 4326;

    private static final double SCALE = 1e7;
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

    private Wgs84Geometry() {
    }

    /** The factory every registry geometry is built with (floating precision, SRID 4326). */
    public static GeometryFactory factory() {
        return FACTORY;
    }

    /** A coordinate (x = lon, y = lat) rounded to 7 decimals. */
    public static Coordinate coordinate(double lon, double lat) {
        return new Coordinate(round(lon), round(lat));
    }

    /** Rounds a degree value to 7 decimals, as {@link GeoPoint} does. */
    public static double round(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }

    /**
     * The polygon with RFC 7946 ring orientation: exterior ring counter-clockwise, holes clockwise (the order GeoJSON
     * files are written in, so a polygon equals itself after a round trip through a file).
     */
    public static Polygon rightHandRule(Polygon polygon) {
        LinearRing shell = oriented(polygon.getExteriorRing(), true);
        LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = oriented(polygon.getInteriorRingN(i), false);
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing oriented(LinearRing ring, boolean counterClockwise) {
        if (Orientation.isCCW(ring.getCoordinateSequence()) == counterClockwise) {
            return FACTORY.createLinearRing(ring.getCoordinateSequence().copy());
        }
        return FACTORY.createLinearRing(ring.reverse().getCoordinateSequence());
    }

    public static Point point(GeoPoint point) {
        return FACTORY.createPoint(point.asJtsCoordinate());
    }

    /**
     * Requires a non-empty geometry whose coordinates are all within WGS-84 range and which JTS {@link IsValidOp}
     * finds valid (no self-intersection, closed rings, holes inside shells, ...).
     */
    public static <G extends Geometry> G requireValid(String field, G geometry) {
        Checks.require(field, geometry);
        if (geometry.isEmpty()) {
            throw new InvalidValueException(field, field + " must not be empty");
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isFinite(c.x) || c.x < -180 || c.x > 180 || !Double.isFinite(c.y) || c.y < -90 || c.y > 90) {
                throw new InvalidValueException(field,
                        field + " has a coordinate out of WGS-84 range (lon -180..180, lat -90..90): [" + c.x + ", "
                                + c.y + "]");
            }
        }
        IsValidOp op = new IsValidOp(geometry);
        if (!op.isValid()) {
            TopologyValidationError error = op.getValidationError();
            throw new InvalidValueException(field,
                    field + " is not a valid " + geometry.getGeometryType() + ": " + error.getMessage() + " at ["
                            + error.getCoordinate().x + ", " + error.getCoordinate().y + "]");
        }
        return geometry;
    }
}
