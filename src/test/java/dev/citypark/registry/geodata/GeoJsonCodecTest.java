package dev.citypark.registry.geodata;

import dev.citypark.core.GateId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GateKind;
import dev.citypark.registry.Lot;
import dev.citypark.registry.LotType;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.Wgs84Geometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeoJsonCodecTest {

    private static final GeoPoint CENTRE = GeoPoint.of(36.066, 120.383);

    private static Lot surfaceLot() {
        Polygon footprint = Wgs84Geometry.rightHandRule(Wgs84Geometry.factory().createPolygon(new Coordinate[]{
                new Coordinate(120.3825, 36.0655), new Coordinate(120.3835, 36.0655),
                new Coordinate(120.3835, 36.0665), new Coordinate(120.3825, 36.0665),
                new Coordinate(120.3825, 36.0655)}));
        return new Lot(LotId.of("QD-L-TEST1"), OperatorId.of("OP-GAR-01"), "香港中路停车场",
                "Xianggang Zhonglu Car Park", "山东省青岛市市南区香港中路1号", "370202", CENTRE, footprint,
                List.of(new Gate(GateId.of("QD-L-TEST1-G1"), GateKind.ENTRY, GeoPoint.of(36.0655, 120.3828)),
                        new Gate(GateId.of("QD-L-TEST1-G2"), GateKind.EXIT, GeoPoint.of(36.0655, 120.3832)),
                        new Gate(GateId.of("QD-L-TEST1-G3"), GateKind.BOTH, GeoPoint.of(36.0665, 120.383))),
                Capacity.of(Map.of(SpaceCategory.GENERAL, 120, SpaceCategory.EV_CHARGING, 12)), "24/7",
                "QD-T1-CORE", LotType.SURFACE, false, 3, null);
    }

    private static Lot garage() {
        LotId id = LotId.of("QD-L-TEST2");
        IndoorGarageBuilder.Garage garage = IndoorGarageBuilder.build(id,
                new IndoorGarageBuilder.Layout(LotType.UNDERGROUND, 3, 2, 25), CENTRE, 20, new SplittableRandom(3));
        Coordinate[] ring = new Coordinate[5];
        for (int i = 0; i < 4; i++) {
            ring[i] = garage.corners().get(i).asJtsCoordinate();
        }
        ring[4] = ring[0];
        return new Lot(id, OperatorId.of("OP-GAR-02"), "南京路地下停车库", "Nanjing Lu Underground Garage",
                "山东省青岛市市南区南京路2号", "370202", garage.point(),
                Wgs84Geometry.rightHandRule(Wgs84Geometry.factory().createPolygon(ring)), garage.gates(),
                garage.model().capacity(), "Mo-Su 06:00-23:30", "QD-T1-CORE", LotType.UNDERGROUND, false, 1,
                garage.model());
    }

    private static ObjectNode feature(Lot lot) {
        return (ObjectNode) GeoJsonCodec.lotToFeature(lot);
    }

    private static ObjectNode properties(ObjectNode feature) {
        return (ObjectNode) feature.get("properties");
    }

    private static void assertRejected(JsonNode feature, String field) {
        assertThatThrownBy(() -> GeoJsonCodec.lotFromFeature(feature))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    }

    @Test
    void roundTripsASurfaceLot() {
        Lot lot = surfaceLot();
        JsonNode feature = GeoJsonCodec.lotToFeature(lot);

        assertThat(feature.get("type").stringValue()).isEqualTo("Feature");
        assertThat(feature.get("geometry").get("type").stringValue()).isEqualTo("Polygon");
        assertThat(feature.get("properties").get("capacity").get("EV_CHARGING").intValue()).isEqualTo(12);
        assertThat(feature.get("properties").get("totalSpaces").intValue()).isEqualTo(132);
        assertThat(GeoJsonCodec.lotFromFeature(feature)).isEqualTo(lot);
    }

    @Test
    void roundTripsAGarageWithItsIndoorModelEmbedded() {
        Lot lot = garage();
        JsonNode feature = GeoJsonCodec.lotToFeature(lot);

        assertThat(feature.get("properties").get("indoor").get("bays").size()).isEqualTo(300);
        assertThat(GeoJsonCodec.lotFromFeature(feature)).isEqualTo(lot);
    }

    @Test
    void rejectsASelfIntersectingFootprint() {
        ObjectNode feature = feature(surfaceLot());
        ArrayNode ring = (ArrayNode) feature.get("geometry").get("coordinates").get(0);
        JsonNode second = ring.get(1);
        ring.set(1, ring.get(2));
        ring.set(2, second);

        assertRejected(feature, "geometry");
    }

    @Test
    void rejectsFootprintCoordinatesOutOfRange() {
        ObjectNode feature = feature(surfaceLot());
        ArrayNode position = (ArrayNode) feature.get("geometry").get("coordinates").get(0).get(1);
        position.set(1, GeoJsonCodec.mapper().getNodeFactory().numberNode(96.5));

        assertRejected(feature, "geometry");
    }

    @Test
    void rejectsAGatePointOutOfRange() {
        ObjectNode feature = feature(surfaceLot());
        ArrayNode point = (ArrayNode) properties(feature).get("gates").get(2).get("point");
        point.set(0, GeoJsonCodec.mapper().getNodeFactory().numberNode(200.0));

        assertRejected(feature, "properties.gates[2].point");
    }

    @Test
    void rejectsANegativeCapacity() {
        ObjectNode feature = feature(surfaceLot());
        ((ObjectNode) properties(feature).get("capacity")).put("GENERAL", -1);
        properties(feature).remove("totalSpaces");

        assertRejected(feature, "properties.capacity.GENERAL");
    }

    @Test
    void rejectsAnUnknownSpaceCategory() {
        ObjectNode feature = feature(surfaceLot());
        ((ObjectNode) properties(feature).get("capacity")).put("MOTORBIKE", 4);

        assertRejected(feature, "properties.capacity.MOTORBIKE");
    }

    @Test
    void rejectsACapacityThatDisagreesWithTheIndoorBays() {
        ObjectNode feature = feature(garage());
        ObjectNode capacity = (ObjectNode) properties(feature).get("capacity");
        capacity.put("EV_CHARGING", capacity.get("EV_CHARGING").intValue() + 1);
        properties(feature).remove("totalSpaces");

        assertRejected(feature, "properties.capacity.EV_CHARGING");
    }

    @Test
    void rejectsDuplicateBayIds() {
        ObjectNode feature = feature(garage());
        ArrayNode bays = (ArrayNode) properties(feature).get("indoor").get("bays");
        ((ObjectNode) bays.get(3)).put("id", bays.get(2).get("id").stringValue());

        assertRejected(feature, "properties.indoor.bays[3].id");
    }

    @Test
    void rejectsAWalkEdgeToAnUnknownNode() {
        ObjectNode feature = feature(garage());
        ArrayNode edges = (ArrayNode) properties(feature).get("indoor").get("edges");
        ((ObjectNode) edges.get(0)).put("to", "B9-NOWHERE");

        assertRejected(feature, "properties.indoor.edges[0].to");
    }

    @Test
    void rejectsOpeningHoursThatDoNotParse() {
        ObjectNode feature = feature(surfaceLot());
        properties(feature).put("openingHours", "Mo-Fr 8 till late");

        assertRejected(feature, "properties.openingHours");
    }

    @Test
    void rejectsALotPointOutsideItsFootprint() {
        ObjectNode feature = feature(surfaceLot());
        ArrayNode point = (ArrayNode) properties(feature).get("point");
        point.set(1, GeoJsonCodec.mapper().getNodeFactory().numberNode(36.07));

        assertRejected(feature, "properties.point");
    }

    @Test
    void rejectsAnIndoorFileReferenceFromOutside() {
        ObjectNode feature = feature(surfaceLot());
        properties(feature).put("indoorFile", "indoor/QD-L-00001.json");

        assertRejected(feature, "properties.indoorFile");
    }

    @Test
    void rejectsAMissingGeometry() {
        ObjectNode feature = feature(surfaceLot());
        feature.remove("geometry");

        assertRejected(feature, "geometry");
    }

    @Test
    void rejectsIdsThatDisagree() {
        ObjectNode feature = feature(surfaceLot());
        feature.put("id", "QD-L-OTHER");

        assertRejected(feature, "properties.id");
    }
}
