package dev.citypark.findmycar;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;

/**
 * Where a walking route starts: the QR code the driver scanned (on a pillar, at an elevator or a pay station), or
 * a position on a floor, snapped to the nearest node of that floor's walk graph.
 */
public sealed interface RouteStart permits RouteStart.QrAnchor, RouteStart.Position {

    /** Field name used in validation errors, the API parameter this comes from. */
    String FIELD = "from";

    /**
     * A QR anchor id as printed on the code, e.g. {@code QD-L-00001.B2-PC03}.
     *
     * @param anchor the anchor id
     */
    record QrAnchor(String anchor) implements RouteStart {

        private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

        public QrAnchor {
            if (anchor == null || !VALID.matcher(anchor).matches()) {
                throw new InvalidValueException(FIELD, "a QR anchor is 1-64 letters, digits, '.', '_' or '-'");
            }
        }
    }

    /**
     * A position (WGS-84) on a floor.
     *
     * @param point the position
     * @param floor the floor as its name ("B2") or signed level ("-2"); empty means the street-level floor (the one
     *              with a pedestrian entrance, else the level nearest to 0)
     */
    record Position(GeoPoint point, Optional<String> floor) implements RouteStart {

        public Position {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(floor, "floor");
        }
    }

    /** {@code lat,lon} or {@code lat,lon,floor}: signed decimal degrees, floor a name or signed level. */
    Pattern POSITION = Pattern.compile(
            "\\s*([-+]?\\d{1,3}(?:\\.\\d+)?)\\s*,\\s*([-+]?\\d{1,3}(?:\\.\\d+)?)\\s*(?:,\\s*([A-Za-z0-9-]{1,16})\\s*)?");

    /**
     * Parses the API form: a QR anchor id, or {@code lat,lon[,floor]} in WGS-84.
     *
     * @throws InvalidValueException (field {@code from}) for anything else or coordinates out of range
     */
    static RouteStart parse(String text) {
        return parse(text, Crs.WGS84);
    }

    /**
     * Parses the API form: a QR anchor id, or {@code lat,lon[,floor]} with the coordinates in {@code crs} (converted
     * to WGS-84 here).
     *
     * @throws InvalidValueException (field {@code from}) for anything else or coordinates out of range
     */
    static RouteStart parse(String text, Crs crs) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(FIELD, "from is required: a QR anchor id or lat,lon[,floor]");
        }
        Matcher position = POSITION.matcher(text);
        if (position.matches()) {
            GeoPoint point;
            try {
                point = crs.toWgs84(Double.parseDouble(position.group(1)), Double.parseDouble(position.group(2)));
            }
            catch (InvalidValueException e) {
                throw new InvalidValueException(FIELD, e.getMessage());
            }
            return new Position(point, Optional.ofNullable(position.group(3)));
        }
        if (text.contains(",")) {
            throw new InvalidValueException(FIELD, "from must be a QR anchor id or lat,lon[,floor]");
        }
        return new QrAnchor(text.strip());
    }
}
