package dev.citypark.registry.geodata;

import dev.citypark.core.GeoPoint;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * A small local plane in metres around an origin, rotated by an azimuth: local (x, y) maps to the geodesic from the
 * origin with length hypot(x, y) and azimuth {@code rotation + atan2(x, y)} (GeographicLib's direct problem). The
 * y axis points along {@code rotationDegrees} (0 = north), the x axis 90° clockwise from it.
 */
final class LocalFrame {

    private final double lat;
    private final double lon;
    private final double rotationDegrees;

    LocalFrame(GeoPoint origin, double rotationDegrees) {
        this.lat = origin.lat();
        this.lon = origin.lon();
        this.rotationDegrees = rotationDegrees;
    }

    GeoPoint toGeo(double x, double y) {
        double distance = Math.hypot(x, y);
        if (distance == 0) {
            return GeoPoint.of(lat, lon);
        }
        double azimuth = rotationDegrees + Math.toDegrees(Math.atan2(x, y));
        GeodesicData d = Geodesic.WGS84.Direct(lat, lon, azimuth, distance,
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return GeoPoint.of(d.lat2, d.lon2);
    }

    /** The point {@code metres} from {@code from} along {@code azimuthDegrees}. */
    static GeoPoint travel(GeoPoint from, double azimuthDegrees, double metres) {
        GeodesicData d = Geodesic.WGS84.Direct(from.lat(), from.lon(), azimuthDegrees, metres,
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return GeoPoint.of(d.lat2, d.lon2);
    }

    /** Initial azimuth in degrees (0 = north, clockwise) of the geodesic from {@code a} to {@code b}. */
    static double azimuth(GeoPoint a, GeoPoint b) {
        return Geodesic.WGS84.Inverse(a.lat(), a.lon(), b.lat(), b.lon(), GeodesicMask.AZIMUTH).azi1;
    }
}
