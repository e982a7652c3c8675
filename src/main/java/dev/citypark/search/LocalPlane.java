package dev.citypark.search;

import dev.citypark.core.GeoPoint;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;

/**
 * A plane in metres around a search point, for the cheap parts of a radius search: an affine map of longitude and
 * latitude whose two scales (metres per degree east and north at the point) are measured with GeographicLib's direct
 * problem. Within 5 km of the point its distances are within 0.1 % of the geodesic ones
 * ({@link #MAX_RELATIVE_ERROR}, tested), which is good for two things:
 * <ul>
 *     <li>skipping, without a geodesic computation, places that are certainly beyond the radius;</li>
 *     <li>finding the point of a kerb line nearest to the search point: JTS {@link LineSegment#projectionFactor},
 *     clamped to the segment, in the plane. An affine map keeps straight lines and their proportions, so that point lies exactly on the stored
 *     line; its distance is then measured as a WGS-84 geodesic (GeographicLib inverse problem). The plane only
 *     chooses the point; a small error in that choice changes the distance to second order (millimetres at 5 km).</li>
 * </ul>
 * Immutable. Meant for points in China (not across the antimeridian, not near a pole).
 */
final class LocalPlane {

    /** Bound on |plane distance - geodesic distance| / geodesic distance within 5 km of the origin. */
    static final double MAX_RELATIVE_ERROR = 1e-3;

    private static final double STEP_METRES = 100;
    private static final Coordinate ORIGIN = new Coordinate(0, 0);

    private final GeoPoint origin;
    private final double metresPerDegreeLon;
    private final double metresPerDegreeLat;

    LocalPlane(GeoPoint origin) {
        this.origin = origin;
        Geodesic g = Geodesic.WGS84;
        int mask = GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.LONG_UNROLL;
        double north = g.Direct(origin.lat(), origin.lon(), 0, STEP_METRES, mask).lat2;
        double south = g.Direct(origin.lat(), origin.lon(), 180, STEP_METRES, mask).lat2;
        double east = g.Direct(origin.lat(), origin.lon(), 90, STEP_METRES, mask).lon2;
        double west = g.Direct(origin.lat(), origin.lon(), -90, STEP_METRES, mask).lon2;
        this.metresPerDegreeLat = 2 * STEP_METRES / (north - south);
        this.metresPerDegreeLon = 2 * STEP_METRES / (east - west);
    }

    GeoPoint origin() {
        return origin;
    }

    /** Plane distance from the origin to a point (x = longitude, y = latitude), in metres. */
    double planeMetres(Coordinate lonLat) {
        double x = (lonLat.x - origin.lon()) * metresPerDegreeLon;
        double y = (lonLat.y - origin.lat()) * metresPerDegreeLat;
        return Math.sqrt(x * x + y * y);
    }

    /** Whether a place this far in the plane is certainly farther than {@code radiusMetres} geodesically. */
    boolean certainlyBeyond(double planeMetres, double radiusMetres) {
        return planeMetres > radiusMetres * (1 + 2 * MAX_RELATIVE_ERROR) + 1;
    }

    /** The point of {@code line} nearest to the origin (chosen in the plane), with its geodesic distance. */
    Nearest nearestOn(LineString line) {
        Coordinate[] coordinates = line.getCoordinates();
        Coordinate best = null;
        double bestPlane = Double.POSITIVE_INFINITY;
        Coordinate previous = toPlane(coordinates[0]);
        if (coordinates.length == 1) {
            best = previous;
        }
        for (int i = 1; i < coordinates.length; i++) {
            Coordinate current = toPlane(coordinates[i]);
            LineSegment segment = new LineSegment(previous, current);
            // the foot of the perpendicular from the origin, clamped to the segment's ends
            Coordinate closest = segment.pointAlong(Math.max(0, Math.min(1, segment.projectionFactor(ORIGIN))));
            double metres = Math.sqrt(closest.x * closest.x + closest.y * closest.y);
            if (metres < bestPlane) {
                bestPlane = metres;
                best = closest;
            }
            previous = current;
        }
        return new Nearest(origin.lat() + best.y / metresPerDegreeLat, origin.lon() + best.x / metresPerDegreeLon,
                bestPlane);
    }

    /** The geodesic distance from the origin to a point, in metres (GeographicLib inverse problem). */
    double geodesicMetres(GeoPoint point) {
        return geodesicMetres(point.lat(), point.lon());
    }

    /** The geodesic distance from the origin to the nearest point of a line, before rounding it to a GeoPoint. */
    double geodesicMetres(Nearest nearest) {
        return geodesicMetres(nearest.lat(), nearest.lon());
    }

    double geodesicMetres(double lat, double lon) {
        return Geodesic.WGS84.Inverse(origin.lat(), origin.lon(), lat, lon, GeodesicMask.DISTANCE).s12;
    }

    private Coordinate toPlane(Coordinate lonLat) {
        return new Coordinate((lonLat.x - origin.lon()) * metresPerDegreeLon,
                (lonLat.y - origin.lat()) * metresPerDegreeLat);
    }

    /**
     * The nearest point of a line.
     *
     * @param lat         its latitude, exactly on the line (not rounded)
     * @param lon         its longitude, exactly on the line
     * @param planeMetres its distance from the origin in the plane (use {@link #geodesicMetres} for the real one)
     */
    record Nearest(double lat, double lon, double planeMetres) {

        /** The point rounded to 7 decimals (about 1 cm), as citypark reports points. */
        GeoPoint point() {
            return GeoPoint.of(lat, lon);
        }
    }
}
