package dev.citypark.core;

/**
 * The published obfuscation transforms between WGS-84, GCJ-02 and BD-09, on raw doubles ({@code {lat, lon}} arrays,
 * unrounded) so that {@link Crs} can iterate on them without losing precision.
 * <p>
 * Forward transforms follow the widely published formulas: GCJ-02 as in the "eviltransform" implementations
 * (Krasovsky ellipsoid {@code a = 6378245.0}, {@code ee = 0.00669342162296594323}, rough mainland bounding box
 * {@code 72.004 <= lon <= 137.8347}, {@code 0.8293 <= lat <= 55.8271}, identity outside it), and BD-09 from GCJ-02
 * with {@code x_pi = pi * 3000 / 180}. The inverses have no closed form; they are solved by fixed-point iteration on
 * the forward transform until it reproduces the input within {@link #TOLERANCE_DEGREES}, starting from the published
 * one-step approximations.
 */
final class ChinaOffsets {

    /**
     * Convergence target of the inverse transforms: the forward transform of the answer reproduces the input within
     * 1e-10 degrees (about 0.01 mm), which puts the answer itself within 1e-9 degrees of the exact inverse.
     */
    static final double TOLERANCE_DEGREES = 1e-10;

    /** The offsets' Jacobians are tiny, so a handful of iterations suffice; this bound only guards pathologies. */
    static final int MAX_ITERATIONS = 30;

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double X_PI = Math.PI * 3000.0 / 180.0;

    private ChinaOffsets() {
    }

    /** The rough bounding box the published implementations use; GCJ-02 and BD-09 equal WGS-84 outside it. */
    static boolean outOfChina(double lat, double lon) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    static double[] wgs84ToGcj02(double lat, double lon) {
        if (outOfChina(lat, lon)) {
            return new double[] {lat, lon};
        }
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = offsetLat(x, y);
        double dLon = offsetLon(x, y);
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {lat + dLat, lon + dLon};
    }

    /** Exact inverse of {@link #wgs84ToGcj02}: the forward transform of the result is within 1e-9 degrees. */
    static double[] gcj02ToWgs84(double lat, double lon) {
        if (outOfChina(lat, lon)) {
            return new double[] {lat, lon};
        }
        double[] forward = wgs84ToGcj02(lat, lon);
        // the published one-step approximation: subtract the offset taken at the GCJ-02 point
        double wLat = lat - (forward[0] - lat);
        double wLon = lon - (forward[1] - lon);
        return refine(wLat, wLon, lat, lon, Forward.GCJ02);
    }

    static double[] gcj02ToBd09(double lat, double lon) {
        if (outOfChina(lat, lon)) {
            return new double[] {lat, lon};
        }
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * X_PI);
        return new double[] {z * Math.sin(theta) + 0.006, z * Math.cos(theta) + 0.0065};
    }

    /**
     * Exact inverse of {@link #gcj02ToBd09}. Starts from the published BD-09 to GCJ-02 formula (itself an
     * approximation good to about a metre) and refines it.
     */
    static double[] bd09ToGcj02(double lat, double lon) {
        if (outOfChina(lat, lon)) {
            return new double[] {lat, lon};
        }
        double[] start = publishedBd09ToGcj02(lat, lon);
        return refine(start[0], start[1], lat, lon, Forward.BD09);
    }

    /** The one-step BD-09 to GCJ-02 formula as published, without refinement. */
    static double[] publishedBd09ToGcj02(double lat, double lon) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * X_PI);
        return new double[] {z * Math.sin(theta), z * Math.cos(theta)};
    }

    private enum Forward {
        GCJ02, BD09;

        double[] apply(double lat, double lon) {
            return this == GCJ02 ? wgs84ToGcj02(lat, lon) : gcj02ToBd09(lat, lon);
        }
    }

    /**
     * Fixed-point iteration {@code p <- p - (forward(p) - target)}; converges because the offsets vary slowly (their
     * Jacobian is far below 1). Returns the best estimate after {@link #MAX_ITERATIONS} if it has not converged.
     */
    private static double[] refine(double lat, double lon, double targetLat, double targetLon, Forward forward) {
        double bestLat = lat;
        double bestLon = lon;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] image = forward.apply(lat, lon);
            double errLat = image[0] - targetLat;
            double errLon = image[1] - targetLon;
            double error = Math.max(Math.abs(errLat), Math.abs(errLon));
            if (error < bestError) {
                bestError = error;
                bestLat = lat;
                bestLon = lon;
            }
            if (error <= TOLERANCE_DEGREES) {
                break;
            }
            lat -= errLat;
            lon -= errLon;
        }
        return new double[] {bestLat, bestLon};
    }

    private static double offsetLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double offsetLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
