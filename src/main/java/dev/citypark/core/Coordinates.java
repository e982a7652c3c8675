package dev.citypark.core;

import java.math.BigDecimal;

/**
 * The range checks and the 7-decimal normalisation shared by {@link GeoPoint}, {@link LatLon} and {@link Crs}, so
 * that every coordinate entering citypark is refused or accepted by the same rule with the same field names.
 */
final class Coordinates {

    /** 1e7: seven decimals of a degree, about 1.1 cm of latitude. */
    static final double SCALE = 1e7;

    private Coordinates() {
    }

    static double requireLatitude(double lat) {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new InvalidValueException("lat", "latitude must be a number between -90 and 90, was " + lat);
        }
        return lat;
    }

    static double requireLongitude(double lon) {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new InvalidValueException("lon", "longitude must be a number between -180 and 180, was " + lon);
        }
        return lon;
    }

    /** Rounds to the nearest multiple of 1e-7 (ties towards positive infinity); never yields negative zero. */
    static double round7(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }

    /** Plain decimal text without exponent, e.g. {@code 0.0000001} rather than {@code 1.0E-7}. */
    static String plain(double degrees) {
        String text = BigDecimal.valueOf(degrees).stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".0";
    }
}
