package dev.citypark.findmycar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import dev.citypark.core.GeoPoint;
import dev.citypark.registry.Bay;
import dev.citypark.registry.BayLink;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.geodata.GeoDataReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * Every committed indoor garage ({@code geo-data/indoor}): every bay can be walked to from every QR anchor, by
 * elevator alone too, A* agrees with Dijkstra, and snapping finds the nearest node.
 */
class CommittedGaragesRoutingTest {

    private static List<Lot> garages;

    @BeforeAll
    static void read() {
        garages = GeoDataReader.read(Path.of("geo-data")).listIndoorGarages();
    }

    @Test
    void thereAreTwentyFourGarages() {
        assertThat(garages).hasSize(24);
    }

    @Test
    void everyBayIsReachableFromEveryQrAnchorWithAndWithoutStairs() {
        List<String> unreachable = new ArrayList<>();
        long pairs = 0;
        for (Lot garage : garages) {
            IndoorModel model = garage.indoorModel();
            GarageRouter router = GarageRouter.of(garage.id(), model);
            for (WalkNode anchor : model.nodes()) {
                if (anchor.qrAnchor() == null) {
                    continue;
                }
                for (Access access : Access.values()) {
                    Map<String, Double> distances = router.distancesFrom(anchor.id(), access);
                    for (BayLink link : model.bayLinks()) {
                        pairs++;
                        if (!distances.containsKey(link.nodeId())) {
                            unreachable.add(access + " " + anchor.qrAnchor() + " -> " + link.bayId());
                        }
                    }
                }
            }
        }
        assertThat(unreachable).as("bays not reachable from a QR anchor").isEmpty();
        assertThat(pairs).isGreaterThan(1_000_000);
    }

    @Test
    void aStarRoutesAreAsShortAsDijkstraAndChangeFloorsOnlyInShafts() {
        SplittableRandom random = new SplittableRandom(20221001);
        int routes = 0;
        for (Lot garage : garages) {
            IndoorModel model = garage.indoorModel();
            GarageRouter router = GarageRouter.of(garage.id(), model);
            assertThat(router.heuristic().isConsistent(router.graph(Access.ANY))).isTrue();
            List<Bay> bays = model.bays();
            for (WalkNode anchor : model.nodes()) {
                if (anchor.qrAnchor() == null) {
                    continue;
                }
                Map<String, Double> distances = router.distancesFrom(anchor.id(), Access.ANY);
                for (int k = 0; k < 3; k++) {
                    Bay bay = bays.get(random.nextInt(bays.size()));
                    BayLink link = model.findLink(bay.id()).orElseThrow();
                    Route route = router.route(new RouteStart.QrAnchor(anchor.qrAnchor()), bay.id(), Access.ANY);
                    routes++;
                    assertThat(route.totalMetres())
                            .isCloseTo(distances.get(link.nodeId()) + link.lengthMetres(), within(0.051));
                    List<Waypoint> waypoints = route.waypoints();
                    for (int i = 1; i < waypoints.size() - 1; i++) {
                        if (waypoints.get(i).floor() != waypoints.get(i - 1).floor()) {
                            assertThat(waypoints.get(i).kind()).isIn(WaypointKind.ELEVATOR, WaypointKind.STAIRS)
                                    .isEqualTo(waypoints.get(i - 1).kind());
                        }
                    }
                    assertThat(route.instructions().get(route.instructions().size() - 1).zh())
                            .startsWith("车位 " + bay.id().value().substring(garage.id().value().length() + 1));
                }
            }
        }
        assertThat(routes).isGreaterThan(3_000);
    }

    @Test
    void snapsRandomPositionsToTheGeodesicallyNearestNodeOfTheirFloor() {
        SplittableRandom random = new SplittableRandom(7);
        for (Lot garage : garages) {
            IndoorModel model = garage.indoorModel();
            GarageRouter router = GarageRouter.of(garage.id(), model);
            Envelope extent = garage.footprint().getEnvelopeInternal();
            for (int i = 0; i < 50; i++) {
                int level = model.floors().get(random.nextInt(model.floors().size())).level();
                GeoPoint p = GeoPoint.of(extent.getMinY() + random.nextDouble() * extent.getHeight(),
                        extent.getMinX() + random.nextDouble() * extent.getWidth());
                WalkNode expected = model.nodes().stream().filter(n -> n.floor() == level)
                        .min(Comparator.comparingDouble((WalkNode n) -> p.distanceMetresTo(n.point()))
                                .thenComparing(WalkNode::id))
                        .orElseThrow();
                GarageRouter.Start start =
                        router.resolve(new RouteStart.Position(p, Optional.of(String.valueOf(level))));
                assertThat(start.node().id()).isEqualTo(expected.id());
            }
        }
    }
}
