package dev.citypark.registry.geodata;

import dev.citypark.core.GeoPoint;
import dev.citypark.registry.Bay;
import dev.citypark.registry.District;
import dev.citypark.registry.Floor;
import dev.citypark.registry.Gate;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.WalkEdge;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.WalkNodeKind;
import dev.citypark.registry.Wgs84Geometry;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeneratedGeometryTest {

    private final GeoData city = SmallCity.data();
    private final Polygon bay = QingdaoGeography.jiaozhouBayWater();
    private final Map<String, Geometry> areas = city.districts().stream()
            .collect(Collectors.toMap(District::code, District::area));

    @Test
    void districtsAreTheTenQingdaoDistrictsAndValid() {
        assertThat(city.districts()).extracting(District::code).containsExactly("370202", "370203", "370211",
                "370212", "370213", "370214", "370215", "370281", "370283", "370285");
        assertThat(city.districts()).allSatisfy(d -> {
            assertThat(d.approximate()).isTrue();
            assertThat(new IsValidOp(d.area()).isValid()).isTrue();
            assertThat(d.area().intersection(bay).getArea()).isLessThan(1e-9);
        });
        // each district contains its real centre
        assertThat(areas.get("370202").contains(Wgs84Geometry.point(GeoPoint.of(36.066, 120.383)))).isTrue();
        assertThat(areas.get("370283").contains(Wgs84Geometry.point(GeoPoint.of(36.777, 119.960)))).isTrue();
    }

    @Test
    void lotsLieInTheirDistrictAndNotInTheBay() {
        assertThat(city.lots()).allSatisfy(lot -> {
            assertThat(areas.get(lot.districtCode()).covers(lot.footprint())).as(lot.id().value()).isTrue();
            assertThat(bay.intersects(lot.footprint())).as(lot.id().value()).isFalse();
        });
    }

    @Test
    void footprintsAreValidContainTheirPointAndHaveGatesOnTheBoundary() {
        assertThat(city.lots()).allSatisfy(lot -> {
            assertThat(new IsValidOp(lot.footprint()).isValid()).isTrue();
            assertThat(lot.footprint().covers(Wgs84Geometry.point(lot.point()))).isTrue();
            assertThat(lot.gates()).isNotEmpty();
            for (Gate gate : lot.gates()) {
                Coordinate nearest = DistanceOp.nearestPoints(lot.footprint().getExteriorRing(),
                        Wgs84Geometry.point(gate.point()))[0];
                assertThat(GeoPoint.fromJts(nearest).distanceMetresTo(gate.point())).isLessThan(1.0);
            }
        });
    }

    @Test
    void segmentBaysLieInTheirDistrictAboutSixMetresApart() {
        assertThat(city.segments()).allSatisfy(segment -> {
            Geometry area = areas.get(segment.districtCode());
            assertThat(area.covers(segment.geometry())).isTrue();
            assertThat(bay.intersects(segment.geometry())).isFalse();
            List<Bay> bays = segment.bays();
            for (int i = 0; i < bays.size(); i++) {
                assertThat(area.contains(Wgs84Geometry.point(bays.get(i).point()))).isTrue();
                if (i > 0) {
                    assertThat(bays.get(i - 1).point().distanceMetresTo(bays.get(i).point()))
                            .isCloseTo(6.0, within(0.6));
                }
            }
            Coordinate[] vertices = segment.geometry().getCoordinates();
            double lengthMetres = 0;
            for (int i = 1; i < vertices.length; i++) {
                lengthMetres += GeoPoint.fromJts(vertices[i - 1]).distanceMetresTo(GeoPoint.fromJts(vertices[i]));
            }
            assertThat(lengthMetres).isCloseTo(bays.size() * 6.0, within(0.5));
        });
    }

    @Test
    void screensStandInsideTheCity() {
        assertThat(city.screens()).allSatisfy(screen -> {
            assertThat(bay.contains(Wgs84Geometry.point(screen.point()))).isFalse();
            assertThat(areas.values().stream().anyMatch(a -> a.contains(Wgs84Geometry.point(screen.point()))))
                    .isTrue();
        });
    }

    @Test
    void indoorBaysLieInsideTheFootprint() {
        for (Lot lot : city.listIndoorGarages()) {
            assertThat(lot.indoorModel().bays()).allSatisfy(b ->
                    assertThat(lot.footprint().contains(Wgs84Geometry.point(b.point()))).isTrue());
        }
    }

    @Test
    void indoorWalkGraphIsConnectedAndChangesFloorOnlyByElevatorOrStairs() {
        for (Lot lot : city.listIndoorGarages()) {
            IndoorModel model = lot.indoorModel();
            Map<String, WalkNode> nodes = model.nodes().stream()
                    .collect(Collectors.toMap(WalkNode::id, Function.identity()));
            for (WalkEdge edge : model.edges()) {
                WalkNode from = nodes.get(edge.from());
                WalkNode to = nodes.get(edge.to());
                if (from.floor() != to.floor()) {
                    assertThat(from.kind()).isIn(WalkNodeKind.ELEVATOR, WalkNodeKind.STAIRS);
                    assertThat(to.kind()).isEqualTo(from.kind());
                    assertThat(to.shaftId()).isEqualTo(from.shaftId());
                    assertThat(edge.lengthMetres()).isIn(WalkEdge.ELEVATOR_FLOOR_METRES,
                            WalkEdge.STAIRS_FLOOR_METRES);
                } else {
                    assertThat(edge.lengthMetres()).isCloseTo(from.point().distanceMetresTo(to.point()),
                            within(0.01));
                }
            }
            Set<String> reached = reachable(model, model.nodes().get(0).id());
            assertThat(reached).hasSize(model.nodes().size());
            assertThat(model.bays()).allSatisfy(b -> assertThat(reached)
                    .contains(model.findLink(b.id()).orElseThrow().nodeId()));
        }
    }

    @Test
    void everyGarageFloorHasElevatorStairsPillarsAndAPayStationWithQrCodes() {
        for (Lot lot : city.listIndoorGarages()) {
            IndoorModel model = lot.indoorModel();
            for (Floor floor : model.floors()) {
                List<WalkNode> onFloor = model.nodes().stream().filter(n -> n.floor() == floor.level()).toList();
                assertThat(onFloor).extracting(WalkNode::kind).contains(WalkNodeKind.ELEVATOR, WalkNodeKind.STAIRS,
                        WalkNodeKind.PILLAR, WalkNodeKind.PAY_STATION, WalkNodeKind.JUNCTION);
                assertThat(onFloor).filteredOn(n -> n.kind() == WalkNodeKind.ELEVATOR
                                || n.kind() == WalkNodeKind.PILLAR || n.kind() == WalkNodeKind.PAY_STATION)
                        .allSatisfy(n -> assertThat(n.qrAnchor()).startsWith(lot.id().value() + "."));
            }
            assertThat(model.nodes()).filteredOn(n -> n.kind() == WalkNodeKind.ENTRANCE).hasSize(1);
            assertThat(model.zones()).allSatisfy(z -> assertThat(z.name()).endsWith("区"));
        }
    }

    @Test
    void writtenPolygonsFollowTheRightHandRule() throws Exception {
        JsonNode districts = GeoJsonCodec.mapper().readTree(SmallCity.dir().resolve("districts.geojson").toFile());
        JsonNode lots = GeoJsonCodec.mapper().readTree(Files.readString(SmallCity.dir().resolve("lots.geojson")));
        for (JsonNode feature : districts.get("features")) {
            JsonNode geometry = feature.get("geometry");
            JsonNode polygons = geometry.get("type").stringValue().equals("Polygon")
                    ? GeoJsonCodec.mapper().createArrayNode().add(geometry.get("coordinates"))
                    : geometry.get("coordinates");
            for (JsonNode polygon : polygons) {
                assertThat(Orientation.isCCW(ring(polygon.get(0)))).isTrue();
            }
        }
        for (JsonNode feature : lots.get("features")) {
            assertThat(Orientation.isCCW(ring(feature.get("geometry").get("coordinates").get(0)))).isTrue();
        }
    }

    private static Coordinate[] ring(JsonNode positions) {
        Coordinate[] ring = new Coordinate[positions.size()];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Coordinate(positions.get(i).get(0).doubleValue(), positions.get(i).get(1).doubleValue());
        }
        return ring;
    }

    private static Set<String> reachable(IndoorModel model, String start) {
        Set<String> seen = new HashSet<>(Set.of(start));
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (WalkEdge edge : model.listEdgesOf(node)) {
                String next = edge.from().equals(node) ? edge.to() : edge.from();
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        return seen;
    }

    @Test
    void segmentsAreOnStreetBaysOnly() {
        assertThat(city.segments()).flatMap(Segment::bays).allSatisfy(b -> {
            assertThat(b.floor()).isZero();
            assertThat(b.zoneId()).isNull();
        });
    }
}
