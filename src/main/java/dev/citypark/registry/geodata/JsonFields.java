package dev.citypark.registry.geodata;

import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import org.locationtech.jts.geom.Coordinate;
import tools.jackson.databind.JsonNode;

/** Reads typed values out of a JSON tree; every failure is an {@link InvalidValueException} naming the JSON path. */
final class JsonFields {

    private JsonFields() {
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static JsonNode object(JsonNode parent, String name, String path) {
        JsonNode node = parent == null ? null : parent.get(name);
        String field = join(path, name);
        if (node == null || node.isNull()) {
            throw new InvalidValueException(field, field + " is required");
        }
        if (!node.isObject()) {
            throw new InvalidValueException(field, field + " must be an object");
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String name, String path) {
        JsonNode node = parent == null ? null : parent.get(name);
        String field = join(path, name);
        if (node == null || node.isNull()) {
            throw new InvalidValueException(field, field + " is required");
        }
        if (!node.isArray()) {
            throw new InvalidValueException(field, field + " must be an array");
        }
        return node;
    }

    static boolean has(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node != null && !node.isNull();
    }

    static String text(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        String field = join(path, name);
        if (node == null || node.isNull()) {
            throw new InvalidValueException(field, field + " is required");
        }
        if (!node.isString()) {
            throw new InvalidValueException(field, field + " must be a string");
        }
        return node.stringValue();
    }

    static String optionalText(JsonNode parent, String name, String path) {
        return has(parent, name) ? text(parent, name, path) : null;
    }

    static long integer(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        String field = join(path, name);
        if (node == null || node.isNull()) {
            throw new InvalidValueException(field, field + " is required");
        }
        return integerValue(node, field);
    }

    static long integerValue(JsonNode node, String field) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidValueException(field, field + " must be an integer, was " + node);
        }
        return node.longValue();
    }

    static int smallInteger(JsonNode parent, String name, String path) {
        long value = integer(parent, name, path);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidValueException(join(path, name), join(path, name) + " is out of range: " + value);
        }
        return (int) value;
    }

    static double number(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        String field = join(path, name);
        if (node == null || !node.isNumber()) {
            throw new InvalidValueException(field, field + " must be a number");
        }
        return node.doubleValue();
    }

    static boolean bool(JsonNode parent, String name, String path) {
        JsonNode node = parent.get(name);
        String field = join(path, name);
        if (node == null || !node.isBoolean()) {
            throw new InvalidValueException(field, field + " must be true or false");
        }
        return node.booleanValue();
    }

    static <E extends Enum<E>> E enumValue(JsonNode parent, String name, String path, Class<E> type) {
        String value = text(parent, name, path);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            String field = join(path, name);
            throw new InvalidValueException(field, field + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }

    /** A GeoJSON position {@code [lon, lat]} as a JTS coordinate, range-checked. */
    static Coordinate position(JsonNode node, String field) {
        if (node == null || !node.isArray() || node.size() < 2 || node.size() > 3 || !node.get(0).isNumber()
                || !node.get(1).isNumber()) {
            throw new InvalidValueException(field, field + " must be a position [longitude, latitude]");
        }
        double lon = node.get(0).doubleValue();
        double lat = node.get(1).doubleValue();
        if (!Double.isFinite(lon) || lon < -180 || lon > 180 || !Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new InvalidValueException(field, field + " is out of WGS-84 range (lon -180..180, lat -90..90): ["
                    + lon + ", " + lat + "]");
        }
        return new Coordinate(lon, lat);
    }

    /** A GeoJSON position {@code [lon, lat]} as a point. */
    static GeoPoint point(JsonNode parent, String name, String path) {
        String field = join(path, name);
        Coordinate c = position(parent.get(name), field);
        return GeoPoint.of(c.y, c.x);
    }
}
