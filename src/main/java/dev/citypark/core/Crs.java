package dev.citypark.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The coordinate reference systems citypark accepts and answers in at its API edge. Inside citypark every coordinate
 * is WGS-84 ({@link GeoPoint}); clients using a Chinese map SDK send and want GCJ-02 (AMap, Tencent) or BD-09
 * (Baidu), and the web layer converts with {@link #toWgs84(double, double)} and {@link #fromWgs84(GeoPoint)}.
 * <p>
 * GCJ-02 and BD-09 are the published transforms (see {@code ChinaOffsets}); outside the usual rough mainland China
 * bounding box (longitude 72.004..137.8347, latitude 0.8293..55.8271) both equal WGS-84. The box is the one the
 * published implementations use, so it also shifts points in neighbouring countries inside it (Seoul, for instance),
 * exactly as those SDKs do; it is irrelevant for Qingdao. Conversions to WGS-84 invert the published forward transforms exactly (to
 * better than 1e-9 degrees before rounding), so {@code toWgs84(fromWgs84(p))} returns {@code p} to within the 7-decimal rounding
 * of the two values involved (about 1-2 cm at worst).
 */
public enum Crs {

    /** WGS-84 (EPSG:4326), GPS and citypark's own coordinates. */
    WGS84("wgs84"),
    /** GCJ-02, the "Mars" coordinates of AMap (Gaode) and Tencent maps. */
    GCJ02("gcj02"),
    /** BD-09, Baidu's coordinates (Baidu's {@code bd09ll}), an extra offset on top of GCJ-02. */
    BD09("bd09");

    private static final String ACCEPTED = Arrays.stream(values()).map(Crs::code).collect(Collectors.joining(", "));

    private final String code;

    Crs(String code) {
        this.code = code;
    }

    /** The lower-case code used in the API, e.g. {@code gcj02}. */
    public String code() {
        return code;
    }

    /**
     * Parses an API code, case-insensitively and ignoring surrounding whitespace: {@code wgs84}, {@code gcj02} or
     * {@code bd09}.
     *
     * @throws InvalidValueException (field {@code crs}) for null, blank or unknown text, listing the accepted values
     */
    public static Crs parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("crs", "crs is required; accepted values are " + ACCEPTED);
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (Crs crs : values()) {
            if (crs.code.equals(wanted)) {
                return crs;
            }
        }
        throw new InvalidValueException("crs",
                "unknown crs " + Texts.quoted(text, 20) + "; accepted values are " + ACCEPTED);
    }

    /**
     * Like {@link #parse(String)}, but null or blank text means {@code defaultCrs} (typically {@link #WGS84}).
     *
     * @throws InvalidValueException (field {@code crs}) for unknown text
     */
    public static Crs parseOrDefault(String text, Crs defaultCrs) {
        if (text == null || text.isBlank()) {
            return defaultCrs;
        }
        return parse(text);
    }

    /**
     * Converts a coordinate given in this crs to WGS-84.
     *
     * @throws InvalidValueException (field {@code lat} or {@code lon}) if the input is not a finite latitude in
     *                               -90..90 or longitude in -180..180
     */
    public GeoPoint toWgs84(double lat, double lon) {
        Coordinates.requireLatitude(lat);
        Coordinates.requireLongitude(lon);
        double[] wgs = switch (this) {
            case WGS84 -> new double[] {lat, lon};
            case GCJ02 -> ChinaOffsets.gcj02ToWgs84(lat, lon);
            case BD09 -> {
                double[] gcj = ChinaOffsets.bd09ToGcj02(lat, lon);
                yield ChinaOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
            }
        };
        return new GeoPoint(wgs[0], wgs[1]);
    }

    /** Converts a WGS-84 point to this crs, rounded to 7 decimals. */
    public LatLon fromWgs84(GeoPoint point) {
        double[] out = switch (this) {
            case WGS84 -> new double[] {point.lat(), point.lon()};
            case GCJ02 -> ChinaOffsets.wgs84ToGcj02(point.lat(), point.lon());
            case BD09 -> {
                double[] gcj = ChinaOffsets.wgs84ToGcj02(point.lat(), point.lon());
                yield ChinaOffsets.gcj02ToBd09(gcj[0], gcj[1]);
            }
        };
        return new LatLon(out[0], out[1]);
    }
}
