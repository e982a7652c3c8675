package dev.citypark.core;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Envelope;

/**
 * The longitude/latitude box (a JTS {@link Envelope}, x = longitude, y = latitude) that contains every point within a
 * geodesic distance of a centre: the query window for a radius search in a degree-based spatial index such as an
 * {@code STRtree}. A metre is not a fixed number of degrees of longitude (it depends on the latitude), so the box is
 * computed with GeographicLib's direct problem: the points {@code radius} metres due north, south, east and west.
 * <p>
 * The northern and southern extremes of a geodesic circle lie on the centre's meridian. The eastern and western ones
 * lie slightly poleward of due east/west and further out by a relative x²/2, x = r / (R cos lat) (5·10⁻⁷ for 5 km
 * at Qingdao), so the latitude extent is padded by {@value #RELATIVE_PADDING} of itself and the longitude extent by
 * the larger of that and x². A circle that reaches a pole, crosses the antimeridian, or is wide for its latitude
 * (x &gt; 0.2) gets the full longitude range. The box may hold points farther than the radius (its corners): callers filter by the
 * exact geodesic distance.
 */
public final class GeoBox {

    /** Relative padding of the computed extents, 2000 times the largest error it covers at 5 km. */
    static final double RELATIVE_PADDING = 1e-3;
    /** Metres in one degree of latitude at the equator, where a degree of latitude is shortest (WGS-84). */
    private static final double SHORTEST_DEGREE_OF_LATITUDE_METRES = 110_574;
    /** The WGS-84 meridional radius of curvature at the equator, its smallest radius of curvature, rounded down. */
    private static final double SMALLEST_RADIUS_OF_CURVATURE_METRES = 6_335_000;

    private GeoBox() {
    }

    /**
     * The box around {@code centre} containing every point at most {@code radiusMetres} away from it.
     *
     * @throws IllegalArgumentException if the radius is negative or not finite
     */
    public static Envelope around(GeoPoint centre, double radiusMetres) {
        if (!Double.isFinite(radiusMetres) || radiusMetres < 0) {
            throw new IllegalArgumentException("radius must be a finite number of metres >= 0, was " + radiusMetres);
        }
        double lat = centre.lat();
        double lon = centre.lon();
        double north = direct(lat, lon, 0, radiusMetres).lat2;
        double south = direct(lat, lon, 180, radiusMetres).lat2;
        double latPad = (north - south) / 2 * RELATIVE_PADDING;
        double maxLat = north + latPad;
        double minLat = south - latPad;
        // a degree of latitude is at least 110,574 m (at the equator): a circle that cannot span the distance to a
        // pole in degrees cannot reach it, which spares the pole checks almost everywhere
        boolean nearAPole = Math.abs(lat) + radiusMetres / SHORTEST_DEGREE_OF_LATITUDE_METRES >= 89;
        if (nearAPole && (reachesPole(centre, 90, radiusMetres) || maxLat >= 90)) {
            return new Envelope(-180, 180, Math.max(-90, minLat), 90);
        }
        if (nearAPole && (reachesPole(centre, -90, radiusMetres) || minLat <= -90)) {
            return new Envelope(-180, 180, -90, Math.min(90, maxLat));
        }
        // x = how far the circle reaches towards a pole, relative to the parallel's radius: the true eastern and
        // western extremes lie beyond due east/west by a relative x²/2 + O(x⁴)
        double x = radiusMetres / (SMALLEST_RADIUS_OF_CURVATURE_METRES * Math.cos(Math.toRadians(lat)));
        if (x > 0.2) {
            return new Envelope(-180, 180, minLat, maxLat);
        }
        double east = direct(lat, lon, 90, radiusMetres).lon2;
        double west = direct(lat, lon, -90, radiusMetres).lon2;
        double lonPad = (east - west) / 2 * Math.max(RELATIVE_PADDING, x * x);
        double maxLon = east + lonPad;
        double minLon = west - lonPad;
        if (maxLon > 180 || minLon < -180) {
            return new Envelope(-180, 180, minLat, maxLat);
        }
        return new Envelope(minLon, maxLon, minLat, maxLat);
    }

    private static GeodesicData direct(double lat, double lon, double azimuth, double metres) {
        // LONG_UNROLL: east of 180° stays > 180° instead of wrapping, so crossing the antimeridian is visible
        return Geodesic.WGS84.Direct(lat, lon, azimuth, metres,
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE | GeodesicMask.LONG_UNROLL);
    }

    private static boolean reachesPole(GeoPoint centre, double poleLat, double metres) {
        return Geodesic.WGS84.Inverse(centre.lat(), centre.lon(), poleLat, 0, GeodesicMask.DISTANCE).s12 <= metres;
    }
}
