package dev.citypark.registry;

import dev.citypark.core.BayId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndoorModelTest {

    private static final GeoPoint A = GeoPoint.of(36.0660, 120.3830);
    private static final GeoPoint B = GeoPoint.of(36.0661, 120.3830);
    private static final GeoPoint C = GeoPoint.of(36.0661, 120.3831);

    private final List<Floor> floors = List.of(new Floor(-1, "B1"), new Floor(-2, "B2"), new Floor(-3, "B3"));
    private final List<Zone> zones = List.of(new Zone("B1-A", -1, "A区"), new Zone("B2-A", -2, "A区"));
    private final List<WalkNode> nodes = new ArrayList<>(List.of(
            new WalkNode("B1-J1", WalkNodeKind.JUNCTION, -1, A, null, null),
            new WalkNode("B1-E1", WalkNodeKind.ELEVATOR, -1, B, "E1", "L1.B1-E1"),
            new WalkNode("B2-E1", WalkNodeKind.ELEVATOR, -2, B, "E1", "L1.B2-E1"),
            new WalkNode("B3-E1", WalkNodeKind.ELEVATOR, -3, B, "E1", "L1.B3-E1"),
            new WalkNode("B2-J1", WalkNodeKind.JUNCTION, -2, A, null, null),
            new WalkNode("B3-J1", WalkNodeKind.JUNCTION, -3, A, null, null)));
    private final List<WalkEdge> edges = new ArrayList<>(List.of(
            new WalkEdge("B1-J1", "B1-E1", 12),
            new WalkEdge("B1-E1", "B2-E1", WalkEdge.ELEVATOR_FLOOR_METRES),
            new WalkEdge("B2-E1", "B3-E1", WalkEdge.ELEVATOR_FLOOR_METRES),
            new WalkEdge("B2-E1", "B2-J1", 12),
            new WalkEdge("B3-E1", "B3-J1", 12)));
    private final List<Bay> bays = new ArrayList<>(List.of(
            new Bay(BayId.of("L1-B1-A001"), SpaceCategory.GENERAL, C, -1, "B1-A"),
            new Bay(BayId.of("L1-B2-A001"), SpaceCategory.EV_CHARGING, C, -2, "B2-A")));
    private final List<BayLink> links = new ArrayList<>(List.of(
            new BayLink(BayId.of("L1-B1-A001"), "B1-J1", 13),
            new BayLink(BayId.of("L1-B2-A001"), "B2-J1", 13)));

    private IndoorModel model() {
        return new IndoorModel(floors, zones, bays, nodes, edges, links);
    }

    private void assertRejected(String field) {
        assertThatThrownBy(this::model).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    }

    @Test
    void acceptsAConnectedModelAndCountsItsBays() {
        IndoorModel model = model();

        assertThat(model.capacity().total()).isEqualTo(2);
        assertThat(model.capacity().count(SpaceCategory.EV_CHARGING)).isEqualTo(1);
        assertThat(model.findNodeByQrAnchor("L1.B2-E1")).map(WalkNode::id).contains("B2-E1");
        assertThat(model.findLink(BayId.of("L1-B2-A001"))).map(BayLink::nodeId).contains("B2-J1");
        assertThat(model.listEdgesOf("B2-E1")).hasSize(3);
        assertThat(model.listBaysOn(-2)).hasSize(1);
    }

    @Test
    void rejectsAFloorChangeOutsideAShaft() {
        edges.add(new WalkEdge("B1-J1", "B2-J1", 20));

        assertRejected("edges[5]");
    }

    @Test
    void rejectsAVerticalEdgeThatSkipsAFloor() {
        edges.add(new WalkEdge("B1-E1", "B3-E1", 30));

        assertRejected("edges[5]");
    }

    @Test
    void rejectsAVerticalEdgeBetweenDifferentShafts() {
        nodes.add(new WalkNode("B2-S1", WalkNodeKind.STAIRS, -2, A, "S1", null));
        edges.add(new WalkEdge("B1-E1", "B2-S1", 20));

        assertRejected("edges[5]");
    }

    @Test
    void rejectsAnEdgeToAnUnknownNode() {
        edges.add(new WalkEdge("B1-J1", "B1-X9", 5));

        assertRejected("edges[5].to");
    }

    @Test
    void rejectsAnEdgeShorterThanTheDistanceOfItsNodes() {
        edges.set(0, new WalkEdge("B1-J1", "B1-E1", 1));

        assertRejected("edges[0].lengthMetres");
    }

    @Test
    void rejectsADisconnectedWalkGraph() {
        edges.remove(4);

        assertRejected("edges");
    }

    @Test
    void rejectsABayWithoutALink() {
        links.remove(1);

        assertRejected("bays[1].node");
    }

    @Test
    void rejectsABayLinkedToANodeThatIsNotAJunctionOnItsFloor() {
        links.set(0, new BayLink(BayId.of("L1-B1-A001"), "B1-E1", 5));

        assertRejected("bayLinks[0].node");
    }

    @Test
    void rejectsDuplicateBayIds() {
        bays.add(new Bay(BayId.of("L1-B1-A001"), SpaceCategory.GENERAL, C, -1, "B1-A"));

        assertRejected("bays[2].id");
    }

    @Test
    void rejectsABayInAZoneOfAnotherFloor() {
        bays.set(0, new Bay(BayId.of("L1-B1-A001"), SpaceCategory.GENERAL, C, -1, "B2-A"));

        assertRejected("bays[0].zone");
    }

    @Test
    void rejectsDuplicateQrAnchors() {
        nodes.set(2, new WalkNode("B2-E1", WalkNodeKind.ELEVATOR, -2, B, "E1", "L1.B1-E1"));

        assertRejected("nodes[2].qrAnchor");
    }

    @Test
    void requiresAShaftForElevatorsAndStairs() {
        assertThatThrownBy(() -> new WalkNode("B1-S1", WalkNodeKind.STAIRS, -1, A, null, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("shaft");
    }
}
