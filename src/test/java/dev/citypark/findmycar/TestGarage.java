package dev.citypark.findmycar;

import java.util.ArrayList;
import java.util.List;

import dev.citypark.core.BayId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.BayLink;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.Floor;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.LotType;
import dev.citypark.registry.Operator;
import dev.citypark.registry.OperatorKind;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.WalkEdge;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.WalkNodeKind;
import dev.citypark.registry.Wgs84Geometry;
import dev.citypark.registry.Zone;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * A small hand-built garage, laid out in metres east (x) and north (y) of an origin in Qingdao. Three floors B1, B2,
 * B3; on each an aisle running east with junctions J0 (x 0), J1 (20), J2 (40), J3 (60), an elevator E at (-5, 0) by
 * J0, a stairwell S at (65, 0) by J3 and a QR pillar P at (20, -3) by J1; a pedestrian entrance on B1 at (-5, -5).
 * The elevator serves B1 and B2 only; the stairs serve all three floors. Bays (zone A on each floor):
 * <pre>
 *   B2-A001 (40, 5)  linked to B2-J2, north of the aisle
 *   B2-A002 (40, -5) linked to B2-J2, south of the aisle
 *   B2-A003 (20, 5)  linked to B2-J1
 *   B3-A001 (60, 5)  linked to B3-J3
 * </pre>
 * Distances along the aisle are exact metres (edges carry the geodesic length of their nodes).
 */
public final class TestGarage {

    public static final LotId LOT = LotId.of("L-T");
    static final GeoPoint ORIGIN = GeoPoint.of(36.0660, 120.3830);

    private TestGarage() {
    }

    /** The point x metres east and y metres north of the origin. */
    public static GeoPoint at(double x, double y) {
        double distance = Math.hypot(x, y);
        if (distance == 0) {
            return ORIGIN;
        }
        GeodesicData d = Geodesic.WGS84.Direct(ORIGIN.lat(), ORIGIN.lon(), Math.toDegrees(Math.atan2(x, y)), distance,
                GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return GeoPoint.of(d.lat2, d.lon2);
    }

    public static BayId bay(String local) {
        return BayId.of(LOT.value() + "-" + local);
    }

    public static IndoorModel model() {
        List<Floor> floors = List.of(new Floor(-1, "B1"), new Floor(-2, "B2"), new Floor(-3, "B3"));
        List<Zone> zones = new ArrayList<>();
        List<WalkNode> nodes = new ArrayList<>();
        List<WalkEdge> edges = new ArrayList<>();
        for (Floor floor : floors) {
            String f = floor.name();
            int level = floor.level();
            zones.add(new Zone(f + "-A", level, "A区"));
            for (int j = 0; j < 4; j++) {
                nodes.add(new WalkNode(f + "-J" + j, WalkNodeKind.JUNCTION, level, at(20 * j, 0), null, null));
                if (j > 0) {
                    edges.add(edge(nodes, f + "-J" + (j - 1), f + "-J" + j));
                }
            }
            nodes.add(new WalkNode(f + "-S", WalkNodeKind.STAIRS, level, at(65, 0), "S1", null));
            edges.add(edge(nodes, f + "-J3", f + "-S"));
            nodes.add(new WalkNode(f + "-P1", WalkNodeKind.PILLAR, level, at(20, -3), null, "L-T." + f + "-P1"));
            edges.add(edge(nodes, f + "-J1", f + "-P1"));
            if (level != -3) {
                nodes.add(new WalkNode(f + "-E", WalkNodeKind.ELEVATOR, level, at(-5, 0), "E1", "L-T." + f + "-E"));
                edges.add(edge(nodes, f + "-J0", f + "-E"));
            }
        }
        nodes.add(new WalkNode("B1-ENT", WalkNodeKind.ENTRANCE, -1, at(-5, -5), null, null));
        edges.add(edge(nodes, "B1-J0", "B1-ENT"));
        edges.add(new WalkEdge("B1-E", "B2-E", WalkEdge.ELEVATOR_FLOOR_METRES));
        edges.add(new WalkEdge("B1-S", "B2-S", WalkEdge.STAIRS_FLOOR_METRES));
        edges.add(new WalkEdge("B2-S", "B3-S", WalkEdge.STAIRS_FLOOR_METRES));

        List<Bay> bays = List.of(
                new Bay(bay("B2-A001"), SpaceCategory.GENERAL, at(40, 5), -2, "B2-A"),
                new Bay(bay("B2-A002"), SpaceCategory.GENERAL, at(40, -5), -2, "B2-A"),
                new Bay(bay("B2-A003"), SpaceCategory.EV_CHARGING, at(20, 5), -2, "B2-A"),
                new Bay(bay("B3-A001"), SpaceCategory.GENERAL, at(60, 5), -3, "B3-A"));
        List<BayLink> links = List.of(
                link(nodes, bays.get(0), "B2-J2"),
                link(nodes, bays.get(1), "B2-J2"),
                link(nodes, bays.get(2), "B2-J1"),
                link(nodes, bays.get(3), "B3-J3"));
        return new IndoorModel(floors, zones, bays, nodes, edges, links);
    }

    static Lot lot(IndoorModel model) {
        Polygon footprint = Wgs84Geometry.factory().createPolygon(new Coordinate[] {
                at(-20, -20).asJtsCoordinate(), at(80, -20).asJtsCoordinate(), at(80, 20).asJtsCoordinate(),
                at(-20, 20).asJtsCoordinate(), at(-20, -20).asJtsCoordinate()});
        return new Lot(LOT, OperatorId.of("OP-T"), "测试车库", "Test garage", "测试路1号", "370202", at(30, 0),
                Wgs84Geometry.rightHandRule(footprint), List.of(), Capacity.countOf(model.bays()), "24/7",
                "QD-T1-CORE", LotType.UNDERGROUND, false, 1, model);
    }

    /** A registry with the test garage and a surface lot without an indoor model. */
    public static RegistrySnapshot registry(IndoorModel model) {
        Lot garage = lot(model);
        Lot surface = new Lot(LotId.of("L-SURFACE"), garage.operator(), "露天停车场", "Surface lot", "测试路2号",
                "370202", garage.point(), garage.footprint(), List.of(), Capacity.ofGeneral(10), "24/7",
                "QD-T1-CORE", LotType.SURFACE, false, 1, null);
        return new RegistrySnapshot(List.of(new Operator(OperatorId.of("OP-T"), "测试运营", OperatorKind.GARAGE_COMPANY)),
                List.of(), List.of(garage, surface), List.of(), List.of());
    }

    private static WalkEdge edge(List<WalkNode> nodes, String from, String to) {
        return new WalkEdge(from, to, node(nodes, from).point().distanceMetresTo(node(nodes, to).point()));
    }

    private static BayLink link(List<WalkNode> nodes, Bay bay, String node) {
        return new BayLink(bay.id(), node, bay.point().distanceMetresTo(node(nodes, node).point()));
    }

    private static WalkNode node(List<WalkNode> nodes, String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }
}
