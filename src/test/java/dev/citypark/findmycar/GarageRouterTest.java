package dev.citypark.findmycar;

import static dev.citypark.findmycar.TestGarage.at;
import static dev.citypark.findmycar.TestGarage.bay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.citypark.core.BayId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.registry.Bay;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.WalkNode;
import org.junit.jupiter.api.Test;

/** Shortest walking routes on the hand-built {@link TestGarage}. */
class GarageRouterTest {

    private final IndoorModel model = TestGarage.model();
    private final GarageRouter router = GarageRouter.of(TestGarage.LOT, model);

    private static RouteStart anchor(String qr) {
        return new RouteStart.QrAnchor(qr);
    }

    private static RouteStart position(double x, double y, String floor) {
        return new RouteStart.Position(at(x, y), Optional.ofNullable(floor));
    }

    private static List<String> ids(Route route) {
        return route.waypoints().stream().map(Waypoint::id).toList();
    }

    @Test
    void takesTheElevatorWhenItIsTheShorterWayDown() {
        Route route = router.route(anchor("L-T.B1-P1"), bay("B2-A001"), Access.ANY);

        // pillar 3 + aisle 20 + 5 to the lift + 15 lift + 5 + 40 along the B2 aisle + 5 to the bay;
        // the stairs at the other end would be 3 + 40 + 5 + 20 + 5 + 20 + 5 = 98
        assertThat(ids(route)).containsExactly("B1-P1", "B1-J1", "B1-J0", "B1-E", "B2-E", "B2-J0", "B2-J1",
                "B2-J2", "L-T-B2-A001");
        assertThat(route.totalMetres()).isCloseTo(93.0, within(0.1));
        assertThat(route.snapMetres()).isZero();
        assertThat(route.start().kind()).isEqualTo(WaypointKind.PILLAR);
        assertThat(route.waypoints().get(route.waypoints().size() - 1).kind()).isEqualTo(WaypointKind.BAY);
        assertThat(route.waypoints()).extracting(Waypoint::floorName)
                .containsExactly("B1", "B1", "B1", "B1", "B2", "B2", "B2", "B2", "B2");
    }

    @Test
    void takesTheStairsWhenTheyAreTheShorterWayDown() {
        Route route = router.route(position(62, 1, "B1"), bay("B2-A001"), Access.ANY);

        assertThat(ids(route)).containsExactly("B1-J3", "B1-S", "B2-S", "B2-J3", "B2-J2", "L-T-B2-A001");
        double snap = at(62, 1).distanceMetresTo(at(60, 0));
        assertThat(route.snapMetres()).isCloseTo(snap, within(0.05));
        assertThat(route.totalMetres()).isCloseTo(snap + 5 + 20 + 5 + 20 + 5, within(0.1));
    }

    @Test
    void stepFreeRouteRidesTheElevatorEvenWhenTheStairsAreCloser() {
        Route route = router.route(position(62, 1, "B1"), bay("B2-A001"), Access.STEP_FREE);

        assertThat(ids(route)).contains("B1-E", "B2-E").doesNotContain("B1-S", "B2-S");
        assertThat(route.access()).isEqualTo(Access.STEP_FREE);
    }

    @Test
    void noStepFreeRouteReachesAFloorServedOnlyByStairs() {
        assertThatThrownBy(() -> router.route(anchor("L-T.B1-P1"), bay("B3-A001"), Access.STEP_FREE))
                .isInstanceOfSatisfying(NoRouteException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("No step-free walking route in lot L-T from B1-P1 to bay L-T-B3-A001");
                    assertThat(e.bayId()).isEqualTo(bay("B3-A001"));
                    assertThat(e.fromNodeId()).isEqualTo("B1-P1");
                });

        Route byStairs = router.route(anchor("L-T.B1-P1"), bay("B3-A001"), Access.ANY);
        assertThat(ids(byStairs)).contains("B1-S", "B2-S", "B3-S");
    }

    @Test
    void changesFloorOnlyBetweenNodesOfOneElevatorShaftOrStairwell() {
        List<RouteStart> starts = new ArrayList<>();
        model.nodes().stream().filter(n -> n.qrAnchor() != null).forEach(n -> starts.add(anchor(n.qrAnchor())));
        for (String floor : List.of("B1", "B2", "B3")) {
            starts.add(position(10, 2, floor));
            starts.add(position(70, -4, floor));
        }
        int floorChanges = 0;
        for (RouteStart start : starts) {
            for (Bay bay : model.bays()) {
                for (Access access : Access.values()) {
                    Route route;
                    try {
                        route = router.route(start, bay.id(), access);
                    }
                    catch (NoRouteException e) {
                        // only the stairs lead to and from B3
                        assertThat(access).isEqualTo(Access.STEP_FREE);
                        assertThat(bay.floor() == -3).isNotEqualTo(router.resolve(start).node().floor() == -3);
                        continue;
                    }
                    List<Waypoint> waypoints = route.waypoints();
                    for (int i = 1; i < waypoints.size() - 1; i++) {
                        Waypoint a = waypoints.get(i - 1);
                        Waypoint b = waypoints.get(i);
                        assertThat(model.listEdgesOf(a.id()))
                                .anyMatch(e -> e.to().equals(b.id()) || e.from().equals(b.id()));
                        if (a.floor() != b.floor()) {
                            floorChanges++;
                            WalkNode from = model.findNode(a.id()).orElseThrow();
                            WalkNode to = model.findNode(b.id()).orElseThrow();
                            assertThat(from.kind()).isIn(dev.citypark.registry.WalkNodeKind.ELEVATOR,
                                    dev.citypark.registry.WalkNodeKind.STAIRS);
                            assertThat(to.kind()).isEqualTo(from.kind());
                            assertThat(to.shaftId()).isEqualTo(from.shaftId());
                            if (access == Access.STEP_FREE) {
                                assertThat(from.kind()).isEqualTo(dev.citypark.registry.WalkNodeKind.ELEVATOR);
                            }
                        }
                    }
                    assertThat(waypoints.get(waypoints.size() - 2).floor()).isEqualTo(bay.floor());
                }
            }
        }
        assertThat(floorChanges).isGreaterThan(20);
    }

    @Test
    void everyRouteIsAsShortAsDijkstraSays() {
        for (WalkNode from : model.nodes()) {
            if (from.qrAnchor() == null) {
                continue;
            }
            for (Access access : Access.values()) {
                Map<String, Double> distances = router.distancesFrom(from.id(), access);
                for (Bay bay : model.bays()) {
                    var link = model.findLink(bay.id()).orElseThrow();
                    Double toJunction = distances.get(link.nodeId());
                    if (toJunction == null) {
                        assertThatThrownBy(() -> router.route(anchor(from.qrAnchor()), bay.id(), access))
                                .isInstanceOf(NoRouteException.class);
                        continue;
                    }
                    Route route = router.route(anchor(from.qrAnchor()), bay.id(), access);
                    assertThat(route.totalMetres()).isCloseTo(toJunction + link.lengthMetres(), within(0.051));
                }
            }
        }
    }

    @Test
    void theHeuristicIsConsistentOnBothGraphs() {
        for (Access access : Access.values()) {
            assertThat(router.heuristic().isConsistent(router.graph(access))).isTrue();
        }
        assertThat(router.heuristic().scale()).isCloseTo(1.0, within(0.01));
        assertThat(router.heuristic().verticalMetres()).isEqualTo(15.0);
    }

    @Test
    void snapsAPositionToTheNearestNodeOfTheNamedFloor() {
        for (String floor : List.of("B2", "b2", "-2", " B2 ")) {
            Route route = router.route(position(21, 1, floor), bay("B2-A001"), Access.ANY);
            assertThat(route.start().id()).isEqualTo("B2-J1");
            assertThat(route.snapMetres()).isCloseTo(at(21, 1).distanceMetresTo(at(20, 0)), within(0.05));
        }
        // nearer to the pillar (20, -3) than to the junction (20, 0)
        assertThat(router.route(position(20.5, -2, "B2"), bay("B2-A001"), Access.ANY).start().id())
                .isEqualTo("B2-P1");
    }

    @Test
    void aPositionWithoutAFloorIsOnTheFloorWithThePedestrianEntrance() {
        Route route = router.route(position(21, 1, null), bay("B2-A001"), Access.ANY);

        assertThat(route.start().id()).isEqualTo("B1-J1");
    }

    @Test
    void aRouteFromTheBaysOwnJunctionIsJustTheLink() {
        Route route = router.route(position(40, 0, "B2"), bay("B2-A002"), Access.ANY);

        assertThat(ids(route)).containsExactly("B2-J2", "L-T-B2-A002");
        assertThat(route.totalMetres()).isCloseTo(5.0, within(0.05));
        assertThat(route.instructions()).extracting(Instruction::kind)
                .containsExactly(InstructionKind.START, InstructionKind.ARRIVE);
    }

    @Test
    void rejectsAnUnknownAnchorFloorOrBayAndAPositionOutsideTheGarage() {
        assertInvalid(() -> router.route(anchor("L-T.B3-E"), bay("B2-A001"), Access.ANY), "from",
                "unknown QR anchor L-T.B3-E in lot L-T");
        assertInvalid(() -> router.route(position(10, 0, "B9"), bay("B2-A001"), Access.ANY), "from",
                "lot L-T has no floor B9 with walkways; its floors are [B1, B2, B3]");
        assertInvalid(() -> router.route(position(10, 0, "-7"), bay("B2-A001"), Access.ANY), "from",
                "lot L-T has no floor -7");
        assertInvalid(() -> router.route(position(2_000, 0, "B1"), bay("B2-A001"), Access.ANY), "from",
                "m from the nearest walkway of lot L-T on B1");
        assertInvalid(() -> router.route(anchor("L-T.B1-P1"), BayId.of("OTHER-B2-A001"), Access.ANY), "to",
                "bay OTHER-B2-A001 is not in lot L-T");
    }

    @Test
    void snappingUsesTheGeodesicallyNearestNodeAtAnyDistanceWithinTheLimit() {
        GarageRouter.FloorNodes b1 = new GarageRouter.FloorNodes(
                model.nodes().stream().filter(n -> n.floor() == -1).toList());
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 500; i++) {
            GeoPoint p = at(-100 + random.nextDouble(260), -100 + random.nextDouble(200));
            WalkNode expected = model.nodes().stream().filter(n -> n.floor() == -1)
                    .min(java.util.Comparator.comparingDouble((WalkNode n) -> p.distanceMetresTo(n.point()))
                            .thenComparing(WalkNode::id))
                    .orElseThrow();
            assertThat(b1.nearest(p).id()).isEqualTo(expected.id());
        }
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field,
                                      String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }
}
