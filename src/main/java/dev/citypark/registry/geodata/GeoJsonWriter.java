package dev.citypark.registry.geodata;

import dev.citypark.core.GeoPoint;
import dev.citypark.registry.Bay;
import dev.citypark.registry.BayLink;
import dev.citypark.registry.District;
import dev.citypark.registry.Floor;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GuidanceScreen;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Operator;
import dev.citypark.registry.ScreenLine;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.WalkEdge;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.Zone;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;

/**
 * Writes registry objects as RFC 7946 GeoJSON with a streaming {@link JsonGenerator}: lon/lat order, polygon
 * exterior rings counter-clockwise and holes clockwise, numbers with fixed decimals (see {@link Decimals}).
 */
final class GeoJsonWriter {

    /** How a lot feature carries its indoor model. */
    enum IndoorEncoding {
        /** The model as {@code properties.indoor}. */
        EMBED,
        /** A relative file name as {@code properties.indoorFile}. */
        REFERENCE,
        /** Left out. */
        OMIT
    }

    private GeoJsonWriter() {
    }

    static String indoorFileName(Lot lot) {
        return "indoor/" + lot.id().value() + ".json";
    }

    static void position(JsonGenerator g, GeoPoint p) {
        g.writeStartArray();
        g.writeNumber(Decimals.degrees(p.lon()));
        g.writeNumber(Decimals.degrees(p.lat()));
        g.writeEndArray();
    }

    private static void position(JsonGenerator g, Coordinate c) {
        g.writeStartArray();
        g.writeNumber(Decimals.degrees(c.x));
        g.writeNumber(Decimals.degrees(c.y));
        g.writeEndArray();
    }

    static void geometry(JsonGenerator g, Geometry geometry) {
        g.writeStartObject();
        if (geometry instanceof Point point) {
            g.writeStringProperty("type", "Point");
            g.writeName("coordinates");
            position(g, point.getCoordinate());
        } else if (geometry instanceof LineString line) {
            g.writeStringProperty("type", "LineString");
            g.writeName("coordinates");
            g.writeStartArray();
            for (Coordinate c : line.getCoordinates()) {
                position(g, c);
            }
            g.writeEndArray();
        } else if (geometry instanceof Polygon polygon) {
            g.writeStringProperty("type", "Polygon");
            g.writeName("coordinates");
            polygonRings(g, polygon);
        } else if (geometry instanceof MultiPolygon multi) {
            g.writeStringProperty("type", "MultiPolygon");
            g.writeName("coordinates");
            g.writeStartArray();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygonRings(g, (Polygon) multi.getGeometryN(i));
            }
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("unsupported geometry " + geometry.getGeometryType());
        }
        g.writeEndObject();
    }

    private static void polygonRings(JsonGenerator g, Polygon polygon) {
        g.writeStartArray();
        ring(g, polygon.getExteriorRing(), true);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(g, polygon.getInteriorRingN(i), false);
        }
        g.writeEndArray();
    }

    /** RFC 7946 §3.1.6 right-hand rule: exterior rings counter-clockwise, holes clockwise. */
    private static void ring(JsonGenerator g, LinearRing ring, boolean exterior) {
        Coordinate[] coordinates = ring.getCoordinates();
        boolean reverse = Orientation.isCCW(coordinates) != exterior;
        g.writeStartArray();
        for (int i = 0; i < coordinates.length; i++) {
            position(g, coordinates[reverse ? coordinates.length - 1 - i : i]);
        }
        g.writeEndArray();
    }

    static void lotFeature(JsonGenerator g, Lot lot, IndoorEncoding indoor) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", lot.id().value());
        g.writeName("geometry");
        geometry(g, lot.footprint());
        g.writeObjectPropertyStart("properties");
        g.writeStringProperty("id", lot.id().value());
        g.writeStringProperty("operator", lot.operator().value());
        g.writeStringProperty("name", lot.name());
        g.writeStringProperty("nameEn", lot.nameEn());
        g.writeStringProperty("address", lot.address());
        g.writeStringProperty("districtCode", lot.districtCode());
        g.writeName("point");
        position(g, lot.point());
        g.writeArrayPropertyStart("gates");
        for (Gate gate : lot.gates()) {
            g.writeStartObject();
            g.writeStringProperty("id", gate.id().value());
            g.writeStringProperty("kind", gate.kind().name());
            g.writeName("point");
            position(g, gate.point());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectPropertyStart("capacity");
        for (SpaceCategory category : SpaceCategory.values()) {
            g.writeNumberProperty(category.name(), lot.capacity().count(category));
        }
        g.writeEndObject();
        g.writeNumberProperty("totalSpaces", lot.capacity().total());
        g.writeStringProperty("openingHours", lot.openingHours());
        g.writeStringProperty("tariffId", lot.tariffId());
        g.writeStringProperty("type", lot.type().name());
        g.writeBooleanProperty("parkAndRide", lot.parkAndRide());
        g.writeNumberProperty("version", lot.version());
        if (lot.indoorModel() != null) {
            switch (indoor) {
                case EMBED -> {
                    g.writeName("indoor");
                    indoorModel(g, lot.indoorModel(), lot);
                }
                case REFERENCE -> g.writeStringProperty("indoorFile", indoorFileName(lot));
                case OMIT -> {
                }
            }
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    static void indoorModel(JsonGenerator g, IndoorModel model, Lot lot) {
        g.writeStartObject();
        g.writeStringProperty("lotId", lot.id().value());
        g.writeArrayPropertyStart("floors");
        for (Floor floor : model.floors()) {
            g.writeStartObject();
            g.writeNumberProperty("level", floor.level());
            g.writeStringProperty("name", floor.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("zones");
        for (Zone zone : model.zones()) {
            g.writeStartObject();
            g.writeStringProperty("id", zone.id());
            g.writeNumberProperty("floor", zone.floor());
            g.writeStringProperty("name", zone.name());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("nodes");
        for (WalkNode node : model.nodes()) {
            g.writeStartObject();
            g.writeStringProperty("id", node.id());
            g.writeStringProperty("kind", node.kind().name());
            g.writeNumberProperty("floor", node.floor());
            g.writeName("point");
            position(g, node.point());
            if (node.shaftId() != null) {
                g.writeStringProperty("shaft", node.shaftId());
            }
            if (node.qrAnchor() != null) {
                g.writeStringProperty("qrAnchor", node.qrAnchor());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("edges");
        for (WalkEdge edge : model.edges()) {
            g.writeStartObject();
            g.writeStringProperty("from", edge.from());
            g.writeStringProperty("to", edge.to());
            g.writeName("lengthMetres");
            g.writeNumber(Decimals.metres(edge.lengthMetres()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("bays");
        for (Bay bay : model.bays()) {
            BayLink link = model.findLink(bay.id()).orElseThrow();
            g.writeStartObject();
            g.writeStringProperty("id", bay.id().value());
            g.writeStringProperty("category", bay.category().name());
            g.writeNumberProperty("floor", bay.floor());
            if (bay.zoneId() != null) {
                g.writeStringProperty("zone", bay.zoneId());
            }
            g.writeName("point");
            position(g, bay.point());
            g.writeStringProperty("node", link.nodeId());
            g.writeName("walkMetres");
            g.writeNumber(Decimals.metres(link.lengthMetres()));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static void segmentFeature(JsonGenerator g, Segment segment) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", segment.id().value());
        g.writeName("geometry");
        geometry(g, segment.geometry());
        g.writeObjectPropertyStart("properties");
        g.writeStringProperty("id", segment.id().value());
        g.writeStringProperty("operator", segment.operator().value());
        g.writeStringProperty("roadName", segment.roadName());
        g.writeStringProperty("districtCode", segment.districtCode());
        g.writeStringProperty("tariffId", segment.tariffId());
        if (segment.restrictions().paidHours() != null) {
            g.writeStringProperty("paidHours", segment.restrictions().paidHours());
        }
        if (segment.restrictions().maxStay() != null) {
            g.writeStringProperty("maxStay", segment.restrictions().maxStay().toString());
        }
        g.writeNumberProperty("version", segment.version());
        g.writeArrayPropertyStart("bays");
        for (Bay bay : segment.bays()) {
            g.writeStartObject();
            g.writeStringProperty("id", bay.id().value());
            g.writeStringProperty("category", bay.category().name());
            g.writeName("point");
            position(g, bay.point());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    static void districtFeature(JsonGenerator g, District district) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", district.code());
        g.writeName("geometry");
        geometry(g, district.area());
        g.writeObjectPropertyStart("properties");
        g.writeStringProperty("code", district.code());
        g.writeStringProperty("name", district.name());
        g.writeStringProperty("nameEn", district.nameEn());
        g.writeBooleanProperty("approximate", district.approximate());
        g.writeEndObject();
        g.writeEndObject();
    }

    static void screenFeature(JsonGenerator g, GuidanceScreen screen) {
        g.writeStartObject();
        g.writeStringProperty("type", "Feature");
        g.writeStringProperty("id", screen.id());
        g.writeName("geometry");
        g.writeStartObject();
        g.writeStringProperty("type", "Point");
        g.writeName("coordinates");
        position(g, screen.point());
        g.writeEndObject();
        g.writeObjectPropertyStart("properties");
        g.writeStringProperty("id", screen.id());
        g.writeStringProperty("name", screen.name());
        g.writeArrayPropertyStart("lines");
        for (ScreenLine line : screen.lines()) {
            g.writeStartObject();
            g.writeStringProperty("lotId", line.lotId().value());
            g.writeStringProperty("shortName", line.shortName());
            g.writeStringProperty("arrow", line.arrow().symbol());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    static void operator(JsonGenerator g, Operator operator) {
        g.writeStartObject();
        g.writeStringProperty("id", operator.id().value());
        g.writeStringProperty("name", operator.name());
        g.writeStringProperty("kind", operator.kind().name());
        g.writeEndObject();
    }
}
