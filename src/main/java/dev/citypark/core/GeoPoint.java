package dev.citypark.core;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;

/**
 * A point on the WGS-84 ellipsoid. citypark stores and computes in WGS-84 only; GCJ-02 and BD-09 exist at the API
 * edge ({@link Crs}).
 * <p>
 * Coordinates are range-checked and normalised to 7 decimals (about 1 cm), so equal points compare equal after a
 * round trip through JSON or PostgreSQL. NaN and infinities are refused with an {@link InvalidValueException} naming
 * {@code lat} or {@code lon}.
 *
 * @param lat latitude in degrees, -90..90
 * @param lon longitude in degrees, -180..180
 */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        lat = Coordinates.round7(Coordinates.requireLatitude(lat));
        lon = Coordinates.round7(Coordinates.requireLongitude(lon));
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

    /** {@code lat,lon} in plain decimals, e.g. {@code 36.0671,120.3826}; never in exponent notation. */
    @Override
    public String toString() {
        return Coordinates.plain(lat) + "," + Coordinates.plain(lon);
    }
}
