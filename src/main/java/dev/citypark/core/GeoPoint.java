package dev.citypark.core;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;

/**
 * A point on the WGS-84 ellipsoid. citypark stores and computes in WGS-84 only; GCJ-02 and BD-09 exist at the API
 * edge ({@link Crs}).
 * <p>
 * Coordinates are range-checked and normalised to 7 decimals (about 1 cm), so equal points compare equal after a
 * round trip through JSON or PostgreSQL.
 *
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 */
public record GeoPoint(double lat, double lon) {

    private static final double SCALE = 1e7;

    public GeoPoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new InvalidValueException("lat", "latitude must be a number between -90 and 90, was " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new InvalidValueException("lon", "longitude must be a number between -180 and 180, was " + lon);
        }
        lat = Math.round(lat * SCALE) / SCALE;
        lon = Math.round(lon * SCALE) / SCALE;
    }

    public static GeoPoint of(double lat, double lon) {
        return new GeoPoint(lat, lon);
    }

    /** From a JTS coordinate, whose x is the longitude and y the latitude (GeoJSON axis order). */
    public static GeoPoint fromJts(Coordinate coordinate) {
        return new GeoPoint(coordinate.y, coordinate.x);
    }

    /** To a JTS coordinate: x = longitude, y = latitude (GeoJSON axis order). */
    public Coordinate asJtsCoordinate() {
        return new Coordinate(lon, lat);
    }

    /** Geodesic distance on the WGS-84 ellipsoid (Karney's algorithm, GeographicLib), in metres. */
    public double distanceMetresTo(GeoPoint other) {
        return Geodesic.WGS84.Inverse(lat, lon, other.lat, other.lon, GeodesicMask.DISTANCE).s12;
    }

    @Override
    public String toString() {
        return lat + "," + lon;
    }
}
