package dev.citypark.registry.web;

import java.io.StringWriter;
import java.util.List;
import java.util.function.Consumer;

import dev.citypark.core.LatLon;
import dev.citypark.registry.Bay;
import dev.citypark.registry.DistrictSummary;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.WalkEdge;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.geodata.GeoJsonCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GeoJSON bodies of the registry API ({@code application/geo+json}, RFC 7946): lots and segments are the
 * registry's own Features ({@link GeoJsonCodec}, the shape {@code PUT /api/v1/operator/lots/{id}} accepts), converted
 * to the request's crs. Lists are FeatureCollections with the foreign members {@code next} and {@code cursor}.
 */
final class GeoJsonBodies {

    private static final JsonMapper MAPPER = GeoJsonCodec.mapper();

    private GeoJsonBodies() {
    }

    static ObjectNode lot(Lot lot, boolean embedIndoor, CoordinateConversion c) {
        ObjectNode feature = (ObjectNode) tree(g -> GeoJsonCodec.writeLotFeature(g, lot, embedIndoor));
        return (ObjectNode) c.treeFromWgs84(feature);
    }

    static ObjectNode segment(Segment segment, CoordinateConversion c) {
        ObjectNode feature = (ObjectNode) tree(g -> GeoJsonCodec.writeSegmentFeature(g, segment));
        return (ObjectNode) c.treeFromWgs84(feature);
    }

    static ObjectNode district(DistrictSummary summary, CoordinateConversion c) {
        ObjectNode feature = (ObjectNode) GeoJsonCodec.districtToFeature(summary.district());
        ObjectNode p = (ObjectNode) feature.get("properties");
        p.put("lots", summary.lots());
        p.put("segments", summary.segments());
        p.put("onStreetSpaces", summary.onStreetSpaces());
        p.put("offStreetSpaces", summary.offStreetSpaces());
        p.put("totalSpaces", summary.totalSpaces());
        return (ObjectNode) c.treeFromWgs84(feature);
    }

    static ObjectNode bay(Views.BayView view) {
        ObjectNode feature = MAPPER.createObjectNode();
        feature.put("type", "Feature");
        feature.put("id", view.id());
        feature.set("geometry", point(view.point()));
        ObjectNode p = MAPPER.valueToTree(view);
        p.remove("point");
        p.remove("crs");
        feature.set("properties", p);
        return feature;
    }

    /** Floors and zones as foreign members; walk nodes, bays and walk edges as Features. */
    static ObjectNode indoor(Lot lot, CoordinateConversion c) {
        IndoorModel model = lot.indoorModel();
        ObjectNode collection = MAPPER.createObjectNode();
        collection.put("type", "FeatureCollection");
        collection.put("lotId", lot.id().value());
        collection.set("floors", MAPPER.valueToTree(model.floors()));
        collection.set("zones", MAPPER.valueToTree(model.zones()));
        ArrayNode features = collection.putArray("features");
        for (WalkNode node : model.nodes()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", node.id());
            f.set("geometry", point(c.out(node.point())));
            ObjectNode p = f.putObject("properties");
            p.put("featureType", "node");
            p.put("kind", node.kind().name());
            p.put("floor", node.floor());
            node.findShaftId().ifPresent(s -> p.put("shaft", s));
            node.findQrAnchor().ifPresent(q -> p.put("qrAnchor", q));
        }
        for (Bay bay : model.bays()) {
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            f.put("id", bay.id().value());
            f.set("geometry", point(c.out(bay.point())));
            ObjectNode p = f.putObject("properties");
            p.put("featureType", "bay");
            p.put("category", bay.category().name());
            p.put("floor", bay.floor());
            bay.findZoneId().ifPresent(z -> p.put("zone", z));
            model.findLink(bay.id()).ifPresent(link -> {
                p.put("node", link.nodeId());
                p.put("walkMetres", Math.round(link.lengthMetres() * 10) / 10.0);
            });
        }
        for (WalkEdge edge : model.edges()) {
            WalkNode from = model.findNode(edge.from()).orElseThrow();
            WalkNode to = model.findNode(edge.to()).orElseThrow();
            ObjectNode f = features.addObject();
            f.put("type", "Feature");
            ObjectNode geometry = f.putObject("geometry");
            geometry.put("type", "LineString");
            ArrayNode coordinates = geometry.putArray("coordinates");
            coordinates.add(position(c.out(from.point())));
            coordinates.add(position(c.out(to.point())));
            ObjectNode p = f.putObject("properties");
            p.put("featureType", "edge");
            p.put("from", edge.from());
            p.put("to", edge.to());
            p.put("fromFloor", from.floor());
            p.put("toFloor", to.floor());
            p.put("lengthMetres", edge.lengthMetres());
        }
        return collection;
    }

    static ObjectNode collection(List<ObjectNode> features, String cursor, String next) {
        ObjectNode collection = MAPPER.createObjectNode();
        collection.put("type", "FeatureCollection");
        ArrayNode array = collection.putArray("features");
        features.forEach(array::add);
        if (cursor != null) {
            collection.put("cursor", cursor);
            collection.put("next", next);
        }
        return collection;
    }

    static byte[] bytes(JsonNode tree) {
        return MAPPER.writeValueAsBytes(tree);
    }

    private static ObjectNode point(LatLon p) {
        ObjectNode geometry = MAPPER.createObjectNode();
        geometry.put("type", "Point");
        geometry.set("coordinates", position(p));
        return geometry;
    }

    private static ArrayNode position(LatLon p) {
        ArrayNode position = MAPPER.createArrayNode();
        position.add(p.lon());
        position.add(p.lat());
        return position;
    }

    private static JsonNode tree(Consumer<JsonGenerator> writer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            writer.accept(g);
        }
        return MAPPER.readTree(out.toString());
    }
}
