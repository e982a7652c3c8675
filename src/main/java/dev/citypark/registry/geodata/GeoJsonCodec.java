package dev.citypark.registry.geodata;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.BayLink;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.District;
import dev.citypark.registry.Floor;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GateKind;
import dev.citypark.registry.GuidanceScreen;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.LotType;
import dev.citypark.registry.Operator;
import dev.citypark.registry.OperatorKind;
import dev.citypark.registry.Restrictions;
import dev.citypark.registry.ScreenArrow;
import dev.citypark.registry.ScreenLine;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.WalkEdge;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.WalkNodeKind;
import dev.citypark.registry.Wgs84Geometry;
import dev.citypark.registry.Zone;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.StringWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts registry objects to and from GeoJSON (RFC 7946) trees: one lot Feature ↔ {@link Lot} (what
 * {@code PUT /api/v1/operator/lots/{id}} accepts and the API returns), and likewise segments, districts, guidance
 * screens, operators and indoor models. The formats are described in {@code geo-data/README.md}.
 * <p>
 * Bad input fails with {@link InvalidValueException} naming the JSON path, e.g. {@code geometry} (self-intersecting
 * or out-of-range footprint), {@code properties.capacity.GENERAL}, {@code properties.gates[2].point},
 * {@code properties.openingHours}, {@code properties.indoor.bays[3].id}.
 */
public final class GeoJsonCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern INDEXED_LINK = Pattern.compile("^bayLinks\\[(\\d+)]\\.?(.*)$");

    private GeoJsonCodec() {
    }

    /** The mapper the codec uses (compact output, default settings). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    // ---------------------------------------------------------------- lots

    /** The lot as a GeoJSON Feature with its indoor model embedded as {@code properties.indoor}. */
    public static JsonNode lotToFeature(Lot lot) {
        return MAPPER.readTree(lotToFeatureJson(lot));
    }

    /** The lot as compact GeoJSON Feature text with its indoor model embedded as {@code properties.indoor}. */
    public static String lotToFeatureJson(Lot lot) {
        return write(g -> GeoJsonWriter.lotFeature(g, lot, GeoJsonWriter.IndoorEncoding.EMBED));
    }

    /**
     * Streams the lot as a GeoJSON Feature into {@code generator} (for list responses and exports), with the indoor
     * model embedded as {@code properties.indoor} or left out.
     */
    public static void writeLotFeature(JsonGenerator generator, Lot lot, boolean embedIndoor) {
        GeoJsonWriter.lotFeature(generator, lot, embedIndoor ? GeoJsonWriter.IndoorEncoding.EMBED
                : GeoJsonWriter.IndoorEncoding.OMIT);
    }

    /** Streams the segment as a GeoJSON Feature into {@code generator}. */
    public static void writeSegmentFeature(JsonGenerator generator, Segment segment) {
        GeoJsonWriter.segmentFeature(generator, segment);
    }

    /**
     * A lot from a GeoJSON Feature. The indoor model, if any, is read from {@code properties.indoor}; a
     * {@code properties.indoorFile} reference is refused (use {@link #lotFromFeature(JsonNode, Function)}).
     */
    public static Lot lotFromFeature(JsonNode feature) {
        return lotFromFeature(feature, file -> {
            throw new InvalidValueException("properties.indoorFile",
                    "properties.indoorFile is not accepted here; embed the model as properties.indoor");
        });
    }

    /**
     * A lot from a GeoJSON Feature, resolving {@code properties.indoorFile} (a path relative to the geo-data
     * folder, e.g. "indoor/QD-L-00001.json") with {@code indoorFiles}.
     */
    public static Lot lotFromFeature(JsonNode feature, Function<String, IndoorModel> indoorFiles) {
        requireFeature(feature);
        JsonNode p = JsonFields.object(feature, "properties", "");
        String path = "properties";
        LotId id = value(path + ".id", () -> LotId.of(featureId(feature)));
        Polygon footprint = polygon(JsonFields.object(feature, "geometry", ""), "geometry");
        OperatorId operator = value(path + ".operator", () -> OperatorId.of(JsonFields.text(p, "operator", path)));
        GeoPoint point = JsonFields.point(p, "point", path);
        JsonNode gatesNode = JsonFields.array(p, "gates", path);
        List<Gate> gates = new ArrayList<>();
        for (int i = 0; i < gatesNode.size(); i++) {
            String gatePath = path + ".gates[" + i + "]";
            JsonNode gate = gatesNode.get(i);
            if (!gate.isObject()) {
                throw new InvalidValueException(gatePath, gatePath + " must be an object");
            }
            GateId gateId = value(gatePath + ".id", () -> GateId.of(JsonFields.text(gate, "id", gatePath)));
            gates.add(new Gate(gateId, JsonFields.enumValue(gate, "kind", gatePath, GateKind.class),
                    JsonFields.point(gate, "point", gatePath)));
        }
        Capacity capacity = capacity(JsonFields.object(p, "capacity", path), path + ".capacity");
        if (JsonFields.has(p, "totalSpaces")) {
            long total = JsonFields.integer(p, "totalSpaces", path);
            if (total != capacity.total()) {
                throw new InvalidValueException(path + ".totalSpaces", path + ".totalSpaces is " + total
                        + " but the capacity adds up to " + capacity.total());
            }
        }
        IndoorModel indoor = null;
        if (JsonFields.has(p, "indoor")) {
            indoor = indoorFromJson(JsonFields.object(p, "indoor", path), path + ".indoor");
        } else if (JsonFields.has(p, "indoorFile")) {
            indoor = indoorFiles.apply(JsonFields.text(p, "indoorFile", path));
        }
        String name = JsonFields.text(p, "name", path);
        String nameEn = JsonFields.text(p, "nameEn", path);
        String address = JsonFields.text(p, "address", path);
        String districtCode = JsonFields.text(p, "districtCode", path);
        String openingHours = JsonFields.text(p, "openingHours", path);
        String tariffId = JsonFields.text(p, "tariffId", path);
        LotType type = JsonFields.enumValue(p, "type", path, LotType.class);
        boolean parkAndRide = JsonFields.bool(p, "parkAndRide", path);
        long version = JsonFields.integer(p, "version", path);
        IndoorModel indoorModel = indoor;
        return relocated(field -> field.equals("footprint") ? "geometry" : path + "." + field,
                () -> new Lot(id, operator, name, nameEn, address, districtCode, point, footprint, gates, capacity,
                        openingHours, tariffId, type, parkAndRide, version, indoorModel));
    }

    private static String featureId(JsonNode feature) {
        JsonNode properties = feature.get("properties");
        String inProperties = properties != null && properties.get("id") != null && properties.get("id").isString()
                ? properties.get("id").stringValue() : null;
        JsonNode top = feature.get("id");
        String atTop = top != null && top.isString() ? top.stringValue() : null;
        if (atTop != null && inProperties != null && !atTop.equals(inProperties)) {
            throw new InvalidValueException("properties.id", "feature id " + atTop + " and properties.id "
                    + inProperties + " differ");
        }
        return atTop != null ? atTop : inProperties;
    }

    private static Capacity capacity(JsonNode node, String path) {
        Map<SpaceCategory, Integer> counts = new EnumMap<>(SpaceCategory.class);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String field = path + "." + entry.getKey();
            SpaceCategory category;
            try {
                category = SpaceCategory.valueOf(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(field, field + " is not a space category; use one of "
                        + java.util.Arrays.toString(SpaceCategory.values()));
            }
            long count = JsonFields.integerValue(entry.getValue(), field);
            if (count < 0 || count > Integer.MAX_VALUE) {
                throw new InvalidValueException(field, field + " must be a non-negative count, was " + count);
            }
            counts.put(category, (int) count);
        }
        return relocated(field -> path + field.substring("capacity".length()), () -> Capacity.of(counts));
    }

    // ---------------------------------------------------------------- indoor models

    /** The indoor model of {@code lot} as the JSON object stored in {@code indoor/<lotId>.json}. */
    public static JsonNode indoorToJson(Lot lot) {
        if (lot.indoorModel() == null) {
            throw new IllegalArgumentException("lot " + lot.id() + " has no indoor model");
        }
        return MAPPER.readTree(write(g -> GeoJsonWriter.indoorModel(g, lot.indoorModel(), lot)));
    }

    /** An indoor model from its JSON object; failures name the path below {@code path}. */
    public static IndoorModel indoorFromJson(JsonNode node, String path) {
        List<Floor> floors = new ArrayList<>();
        JsonNode floorsNode = JsonFields.array(node, "floors", path);
        for (int i = 0; i < floorsNode.size(); i++) {
            String at = JsonFields.join(path, "floors[" + i + "]");
            JsonNode f = floorsNode.get(i);
            floors.add(parse(at, () -> new Floor(JsonFields.smallInteger(f, "level", at),
                    JsonFields.text(f, "name", at))));
        }
        List<Zone> zones = new ArrayList<>();
        JsonNode zonesNode = JsonFields.array(node, "zones", path);
        for (int i = 0; i < zonesNode.size(); i++) {
            String at = JsonFields.join(path, "zones[" + i + "]");
            JsonNode z = zonesNode.get(i);
            zones.add(parse(at, () -> new Zone(JsonFields.text(z, "id", at), JsonFields.smallInteger(z, "floor", at),
                    JsonFields.text(z, "name", at))));
        }
        List<WalkNode> nodes = new ArrayList<>();
        JsonNode nodesNode = JsonFields.array(node, "nodes", path);
        for (int i = 0; i < nodesNode.size(); i++) {
            String at = JsonFields.join(path, "nodes[" + i + "]");
            JsonNode n = nodesNode.get(i);
            WalkNodeKind kind = JsonFields.enumValue(n, "kind", at, WalkNodeKind.class);
            GeoPoint point = JsonFields.point(n, "point", at);
            nodes.add(parse(at, () -> new WalkNode(JsonFields.text(n, "id", at), kind,
                    JsonFields.smallInteger(n, "floor", at), point, JsonFields.optionalText(n, "shaft", at),
                    JsonFields.optionalText(n, "qrAnchor", at))));
        }
        List<WalkEdge> edges = new ArrayList<>();
        JsonNode edgesNode = JsonFields.array(node, "edges", path);
        for (int i = 0; i < edgesNode.size(); i++) {
            String at = JsonFields.join(path, "edges[" + i + "]");
            JsonNode e = edgesNode.get(i);
            edges.add(parse(at, () -> new WalkEdge(JsonFields.text(e, "from", at), JsonFields.text(e, "to", at),
                    JsonFields.number(e, "lengthMetres", at))));
        }
        List<Bay> bays = new ArrayList<>();
        List<BayLink> links = new ArrayList<>();
        JsonNode baysNode = JsonFields.array(node, "bays", path);
        for (int i = 0; i < baysNode.size(); i++) {
            String at = JsonFields.join(path, "bays[" + i + "]");
            JsonNode b = baysNode.get(i);
            BayId bayId = value(at + ".id", () -> BayId.of(JsonFields.text(b, "id", at)));
            SpaceCategory category = JsonFields.enumValue(b, "category", at, SpaceCategory.class);
            GeoPoint point = JsonFields.point(b, "point", at);
            bays.add(parse(at, () -> new Bay(bayId, category, point, JsonFields.smallInteger(b, "floor", at),
                    JsonFields.optionalText(b, "zone", at))));
            links.add(parse(at, () -> new BayLink(bayId, JsonFields.text(b, "node", at),
                    JsonFields.number(b, "walkMetres", at))));
        }
        // links are built in bay order, so a link's index is its bay's index
        return relocated(field -> JsonFields.join(path, bayLinkToBay(field)),
                () -> new IndoorModel(floors, zones, bays, nodes, edges, links));
    }

    private static String bayLinkToBay(String field) {
        Matcher m = INDEXED_LINK.matcher(field);
        if (!m.matches()) {
            return field;
        }
        String rest = m.group(2);
        String mapped = switch (rest) {
            case "bayId" -> "id";
            case "lengthMetres" -> "walkMetres";
            default -> rest;
        };
        return "bays[" + m.group(1) + "]" + (mapped.isEmpty() ? "" : "." + mapped);
    }

    // ---------------------------------------------------------------- segments

    public static JsonNode segmentToFeature(Segment segment) {
        return MAPPER.readTree(write(g -> GeoJsonWriter.segmentFeature(g, segment)));
    }

    public static Segment segmentFromFeature(JsonNode feature) {
        requireFeature(feature);
        JsonNode p = JsonFields.object(feature, "properties", "");
        String path = "properties";
        SegmentId id = value(path + ".id", () -> SegmentId.of(featureId(feature)));
        LineString line = lineString(JsonFields.object(feature, "geometry", ""), "geometry");
        OperatorId operator = value(path + ".operator", () -> OperatorId.of(JsonFields.text(p, "operator", path)));
        JsonNode baysNode = JsonFields.array(p, "bays", path);
        List<Bay> bays = new ArrayList<>(baysNode.size());
        for (int i = 0; i < baysNode.size(); i++) {
            String at = path + ".bays[" + i + "]";
            JsonNode b = baysNode.get(i);
            BayId bayId = value(at + ".id", () -> BayId.of(JsonFields.text(b, "id", at)));
            bays.add(Bay.onStreet(bayId, JsonFields.enumValue(b, "category", at, SpaceCategory.class),
                    JsonFields.point(b, "point", at)));
        }
        String paidHours = JsonFields.optionalText(p, "paidHours", path);
        String maxStayText = JsonFields.optionalText(p, "maxStay", path);
        Duration maxStay;
        try {
            maxStay = maxStayText == null ? null : Duration.parse(maxStayText);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(path + ".maxStay", path + ".maxStay must be an ISO-8601 duration such as"
                    + " PT2H, was '" + maxStayText + "'");
        }
        Restrictions restrictions = relocated(field -> path + "." + field,
                () -> new Restrictions(paidHours, maxStay));
        String roadName = JsonFields.text(p, "roadName", path);
        String districtCode = JsonFields.text(p, "districtCode", path);
        String tariffId = JsonFields.text(p, "tariffId", path);
        long version = JsonFields.integer(p, "version", path);
        return relocated(field -> field.equals("geometry") ? "geometry" : path + "." + field,
                () -> new Segment(id, operator, roadName, districtCode, line, bays, tariffId, restrictions, version));
    }

    // ---------------------------------------------------------------- districts, screens, operators

    public static JsonNode districtToFeature(District district) {
        return MAPPER.readTree(write(g -> GeoJsonWriter.districtFeature(g, district)));
    }

    public static District districtFromFeature(JsonNode feature) {
        requireFeature(feature);
        JsonNode p = JsonFields.object(feature, "properties", "");
        Geometry area = areal(JsonFields.object(feature, "geometry", ""), "geometry");
        String code = JsonFields.text(p, "code", "properties");
        String name = JsonFields.text(p, "name", "properties");
        String nameEn = JsonFields.text(p, "nameEn", "properties");
        boolean approximate = JsonFields.bool(p, "approximate", "properties");
        return relocated(field -> field.equals("area") ? "geometry" : "properties." + field,
                () -> new District(code, name, nameEn, area, approximate));
    }

    public static JsonNode screenToFeature(GuidanceScreen screen) {
        return MAPPER.readTree(write(g -> GeoJsonWriter.screenFeature(g, screen)));
    }

    public static GuidanceScreen screenFromFeature(JsonNode feature) {
        requireFeature(feature);
        JsonNode p = JsonFields.object(feature, "properties", "");
        JsonNode geometry = JsonFields.object(feature, "geometry", "");
        if (!"Point".equals(JsonFields.text(geometry, "type", "geometry"))) {
            throw new InvalidValueException("geometry.type", "a guidance screen is a Point");
        }
        Coordinate c = JsonFields.position(geometry.get("coordinates"), "geometry.coordinates");
        GeoPoint point = GeoPoint.of(c.y, c.x);
        JsonNode linesNode = JsonFields.array(p, "lines", "properties");
        List<ScreenLine> lines = new ArrayList<>();
        for (int i = 0; i < linesNode.size(); i++) {
            String at = "properties.lines[" + i + "]";
            JsonNode l = linesNode.get(i);
            lines.add(parse(at, () -> new ScreenLine(LotId.of(JsonFields.text(l, "lotId", at)),
                    JsonFields.text(l, "shortName", at),
                    ScreenArrow.fromSymbol(at + ".arrow", JsonFields.text(l, "arrow", at)))));
        }
        String id = value("properties.id", () -> featureId(feature));
        String name = JsonFields.text(p, "name", "properties");
        return relocated(field -> "properties." + field, () -> new GuidanceScreen(id, point, name, lines));
    }

    public static Operator operatorFromJson(JsonNode node, String path) {
        return parse(path, () -> new Operator(OperatorId.of(JsonFields.text(node, "id", path)),
                JsonFields.text(node, "name", path), JsonFields.enumValue(node, "kind", path, OperatorKind.class)));
    }

    // ---------------------------------------------------------------- geometry

    private static void requireFeature(JsonNode feature) {
        if (feature == null || !feature.isObject()) {
            throw new InvalidValueException("type", "a GeoJSON Feature object is required");
        }
        JsonNode type = feature.get("type");
        if (type == null || !type.isString() || !"Feature".equals(type.stringValue())) {
            throw new InvalidValueException("type", "type must be \"Feature\"");
        }
    }

    private static Polygon polygon(JsonNode geometry, String path) {
        String type = JsonFields.text(geometry, "type", path);
        if (!"Polygon".equals(type)) {
            throw new InvalidValueException(path, path + " must be a Polygon, was " + type);
        }
        return polygonFromRings(JsonFields.array(geometry, "coordinates", path), path);
    }

    private static Geometry areal(JsonNode geometry, String path) {
        String type = JsonFields.text(geometry, "type", path);
        JsonNode coordinates = JsonFields.array(geometry, "coordinates", path);
        GeometryFactory factory = Wgs84Geometry.factory();
        if ("Polygon".equals(type)) {
            return polygonFromRings(coordinates, path);
        }
        if ("MultiPolygon".equals(type)) {
            Polygon[] polygons = new Polygon[coordinates.size()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = polygonFromRings(coordinates.get(i), path);
            }
            return factory.createMultiPolygon(polygons);
        }
        throw new InvalidValueException(path, path + " must be a Polygon or MultiPolygon, was " + type);
    }

    private static Polygon polygonFromRings(JsonNode rings, String path) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw new InvalidValueException(path, path + " needs at least one linear ring");
        }
        GeometryFactory factory = Wgs84Geometry.factory();
        LinearRing[] built = new LinearRing[rings.size()];
        for (int r = 0; r < rings.size(); r++) {
            Coordinate[] coordinates = positions(rings.get(r), path);
            try {
                built[r] = factory.createLinearRing(coordinates);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException(path, path + " has an invalid linear ring (ring " + r + "): "
                        + e.getMessage());
            }
        }
        LinearRing[] holes = new LinearRing[built.length - 1];
        System.arraycopy(built, 1, holes, 0, holes.length);
        return factory.createPolygon(built[0], holes);
    }

    private static LineString lineString(JsonNode geometry, String path) {
        String type = JsonFields.text(geometry, "type", path);
        if (!"LineString".equals(type)) {
            throw new InvalidValueException(path, path + " must be a LineString, was " + type);
        }
        Coordinate[] coordinates = positions(JsonFields.array(geometry, "coordinates", path), path);
        try {
            return Wgs84Geometry.factory().createLineString(coordinates);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(path, path + " is not a valid LineString: " + e.getMessage());
        }
    }

    private static Coordinate[] positions(JsonNode array, String path) {
        if (array == null || !array.isArray()) {
            throw new InvalidValueException(path, path + " must hold arrays of positions");
        }
        Coordinate[] coordinates = new Coordinate[array.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = JsonFields.position(array.get(i), path);
        }
        return coordinates;
    }

    // ---------------------------------------------------------------- helpers

    static String write(Consumer<JsonGenerator> writer) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            writer.accept(g);
        }
        return out.toString();
    }

    /** Builds a single value found at {@code path}; a failure is reported at {@code path} itself. */
    private static <T> T value(String path, java.util.function.Supplier<T> builder) {
        try {
            return builder.get();
        } catch (InvalidValueException e) {
            if (e.field() != null && e.field().startsWith(path)) {
                throw e;
            }
            throw moved(path, e);
        }
    }

    /** Builds an object found at {@code path}; a failure naming a relative field is reported below {@code path}. */
    private static <T> T parse(String path, java.util.function.Supplier<T> builder) {
        try {
            return builder.get();
        } catch (InvalidValueException e) {
            if (e.field() != null && e.field().startsWith(path)) {
                throw e;
            }
            throw moved(e.field() == null ? path : path + "." + e.field(), e);
        }
    }

    private static InvalidValueException moved(String field, InvalidValueException cause) {
        InvalidValueException moved = new InvalidValueException(field, cause.getMessage());
        moved.initCause(cause);
        return moved;
    }

    private static <T> T relocated(UnaryOperator<String> rename, java.util.function.Supplier<T> builder) {
        try {
            return builder.get();
        } catch (InvalidValueException e) {
            InvalidValueException moved = new InvalidValueException(
                    e.field() == null ? rename.apply("") : rename.apply(e.field()), e.getMessage());
            moved.initCause(e);
            throw moved;
        }
    }
}
