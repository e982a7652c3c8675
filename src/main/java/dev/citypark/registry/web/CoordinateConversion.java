package dev.citypark.registry.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.LatLon;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts coordinates between WGS-84 (inside citypark) and the request's {@link Crs} at the API edge: single points,
 * JTS geometries (to GeoJSON geometry objects for JSON views) and whole GeoJSON trees, where every position under a
 * {@code coordinates} member and every {@code point} member ({@code [lon, lat]}) is converted, at any depth
 * (geometries, gates, indoor nodes and bays, segment bays).
 */
final class CoordinateConversion {

    private final Crs crs;

    CoordinateConversion(Crs crs) {
        this.crs = crs;
    }

    Crs crs() {
        return crs;
    }

    boolean isIdentity() {
        return crs == Crs.WGS84;
    }

    LatLon out(GeoPoint wgs84) {
        return crs.fromWgs84(wgs84);
    }

    /** A GeoJSON geometry object (RFC 7946 ring orientation) in the request's crs. */
    Map<String, Object> geometry(Geometry geometry) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (geometry instanceof Point point) {
            out.put("type", "Point");
            out.put("coordinates", position(point.getCoordinate()));
        }
        else if (geometry instanceof LineString line) {
            out.put("type", "LineString");
            out.put("coordinates", positions(line.getCoordinates(), false));
        }
        else if (geometry instanceof Polygon polygon) {
            out.put("type", "Polygon");
            out.put("coordinates", rings(polygon));
        }
        else if (geometry instanceof MultiPolygon multi) {
            out.put("type", "MultiPolygon");
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) multi.getGeometryN(i)));
            }
            out.put("coordinates", polygons);
        }
        else {
            throw new IllegalArgumentException("unsupported geometry " + geometry.getGeometryType());
        }
        return out;
    }

    private List<Object> rings(Polygon polygon) {
        List<Object> rings = new ArrayList<>();
        rings.add(ring(polygon.getExteriorRing().getCoordinates(), true));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(ring(polygon.getInteriorRingN(i).getCoordinates(), false));
        }
        return rings;
    }

    private List<double[]> ring(Coordinate[] coordinates, boolean exterior) {
        return positions(coordinates, Orientation.isCCW(coordinates) != exterior);
    }

    private List<double[]> positions(Coordinate[] coordinates, boolean reverse) {
        List<double[]> out = new ArrayList<>(coordinates.length);
        for (int i = 0; i < coordinates.length; i++) {
            out.add(position(coordinates[reverse ? coordinates.length - 1 - i : i]));
        }
        return out;
    }

    private double[] position(Coordinate c) {
        LatLon p = crs.fromWgs84(GeoPoint.of(c.y, c.x));
        return new double[] {p.lon(), p.lat()};
    }

    /** Converts a WGS-84 GeoJSON tree to the request's crs, in place; returns it. */
    JsonNode treeFromWgs84(JsonNode tree) {
        if (!isIdentity()) {
            walk(tree, true);
        }
        return tree;
    }

    /**
     * Converts a GeoJSON tree given in the request's crs to WGS-84, in place; returns it. Positions that are not
     * two or three finite numbers in range are left alone, so that the GeoJSON reader refuses them naming their
     * field.
     */
    JsonNode treeToWgs84(JsonNode tree) {
        if (!isIdentity()) {
            walk(tree, false);
        }
        return tree;
    }

    private void walk(JsonNode node, boolean fromWgs84) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                JsonNode value = entry.getValue();
                if ("coordinates".equals(entry.getKey())) {
                    positionsIn(value, fromWgs84);
                }
                else if ("point".equals(entry.getKey()) && isPosition(value)) {
                    convert((ArrayNode) value, fromWgs84);
                }
                else {
                    walk(value, fromWgs84);
                }
            }
        }
        else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                walk(element, fromWgs84);
            }
        }
    }

    private void positionsIn(JsonNode node, boolean fromWgs84) {
        if (isPosition(node)) {
            convert((ArrayNode) node, fromWgs84);
        }
        else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) {
                positionsIn(element, fromWgs84);
            }
        }
    }

    private static boolean isPosition(JsonNode node) {
        if (!(node instanceof ArrayNode array) || array.size() < 2 || array.size() > 3) {
            return false;
        }
        for (JsonNode n : array) {
            if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
                return false;
            }
        }
        double lon = array.get(0).doubleValue();
        double lat = array.get(1).doubleValue();
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }

    private void convert(ArrayNode position, boolean fromWgs84) {
        double lon = position.get(0).doubleValue();
        double lat = position.get(1).doubleValue();
        double outLon;
        double outLat;
        if (fromWgs84) {
            LatLon p = crs.fromWgs84(GeoPoint.of(lat, lon));
            outLon = p.lon();
            outLat = p.lat();
        }
        else {
            GeoPoint p = crs.toWgs84(lat, lon);
            outLon = p.lon();
            outLat = p.lat();
        }
        position.set(0, outLon);
        position.set(1, outLat);
    }
}
