package dev.citypark.registry.geodata;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.LotId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.BayLink;
import dev.citypark.registry.Floor;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GateKind;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.LotType;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.WalkEdge;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.WalkNodeKind;
import dev.citypark.registry.Zone;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays out a garage with a full indoor model on a local metre grid: per floor {@code strips} double-loaded aisles
 * (bay row, 6 m aisle, bay row) of {@code baysPerRow} bays, cross aisles at both ends, an aisle junction every four
 * bays, a pillar with a QR code every three bays, an elevator and two stairwells (a second elevator on wide floors)
 * at the ends, a pay station by the main elevator and a pedestrian entrance on the street-level floor.
 */
final class IndoorGarageBuilder {

    static final double BAY_WIDTH = 2.5;
    static final double BAY_DEPTH = 5.3;
    static final double AISLE = 6.0;
    static final double END_ZONE = 8.0;
    static final double MARGIN = 1.0;
    private static final int BAYS_PER_JUNCTION = 4;
    private static final int BAYS_PER_PILLAR = 3;

    /** Size of a garage: floors × strips × 2 rows × bays per row. */
    record Layout(LotType type, int floors, int strips, int baysPerRow) {

        int bays() {
            return floors * strips * 2 * baysPerRow;
        }

        double widthMetres() {
            return 2 * END_ZONE + baysPerRow * BAY_WIDTH;
        }

        double depthMetres() {
            return 2 * MARGIN + strips * (2 * BAY_DEPTH + AISLE);
        }
    }

    /** A finished garage: where it is and what is inside. */
    record Garage(GeoPoint point, List<GeoPoint> corners, List<Gate> gates, IndoorModel model) {
    }

    private IndoorGarageBuilder() {
    }

    /** A random layout with at least {@code minBays} bays on 3–5 floors. */
    static Layout randomLayout(SplittableRandom random, int minBays, boolean minimal) {
        LotType type = random.nextInt(3) == 0 ? LotType.MULTI_STOREY : LotType.UNDERGROUND;
        if (minimal) {
            return grow(new Layout(type, 3, 2, 14), minBays);
        }
        return grow(new Layout(type, 3 + random.nextInt(3), 2 + random.nextInt(3), 14 + random.nextInt(17)),
                minBays);
    }

    private static Layout grow(Layout layout, int minBays) {
        Layout grown = layout;
        while (grown.bays() < minBays) {
            grown = new Layout(grown.type(), grown.floors(), grown.strips(), grown.baysPerRow() + 1);
        }
        return grown;
    }

    static Garage build(LotId lotId, Layout layout, GeoPoint centre, double rotationDegrees,
                        SplittableRandom random) {
        LocalFrame frame = new LocalFrame(centre, rotationDegrees);
        double width = layout.widthMetres();
        double depth = layout.depthMetres();
        Grid grid = new Grid(frame, width, depth);

        List<GeoPoint> corners = List.of(grid.at(0, 0), grid.at(width, 0), grid.at(width, depth),
                grid.at(0, depth));
        List<Gate> gates = List.of(
                new Gate(GateId.of(lotId.value() + "-G1"), GateKind.ENTRY, grid.at(width * 0.25, 0)),
                new Gate(GateId.of(lotId.value() + "-G2"), GateKind.EXIT, grid.at(width * 0.75, 0)));

        List<Floor> floors = new ArrayList<>();
        for (int f = 1; f <= layout.floors(); f++) {
            floors.add(layout.type() == LotType.UNDERGROUND ? new Floor(-f, "B" + f) : new Floor(f, "L" + f));
        }
        int streetLevel = layout.type() == LotType.UNDERGROUND ? -1 : 1;

        List<Zone> zones = new ArrayList<>();
        List<Bay> bays = new ArrayList<>();
        List<BayLink> links = new ArrayList<>();
        List<WalkNode> nodes = new ArrayList<>();
        List<WalkEdge> edges = new ArrayList<>();
        boolean secondElevator = layout.baysPerRow() >= 20;
        List<Double> junctionXs = junctionXs(layout, width);

        for (Floor floor : floors) {
            String fn = floor.name();
            int level = floor.level();
            int strips = layout.strips();
            String[][] junctionIds = new String[strips][junctionXs.size()];
            for (int j = 0; j < strips; j++) {
                double aisleY = aisleY(j);
                String letter = String.valueOf((char) ('A' + j));
                String zoneId = fn + "-" + letter;
                zones.add(new Zone(zoneId, level, letter + "区"));
                for (int x = 0; x < junctionXs.size(); x++) {
                    String id = fn + "-J" + letter + String.format("%02d", x);
                    junctionIds[j][x] = id;
                    nodes.add(new WalkNode(id, WalkNodeKind.JUNCTION, level, grid.at(junctionXs.get(x), aisleY),
                            null, null));
                    if (x > 0) {
                        edges.add(edge(nodes, junctionIds[j][x - 1], id));
                    }
                }
                if (j > 0) {
                    edges.add(edge(nodes, junctionIds[j - 1][0], junctionIds[j][0]));
                    int last = junctionXs.size() - 1;
                    edges.add(edge(nodes, junctionIds[j - 1][last], junctionIds[j][last]));
                }
                // bays: lower row then upper row, numbered along the zone
                int number = 1;
                for (int row = 0; row < 2; row++) {
                    double bayY = row == 0 ? aisleY - AISLE / 2 - BAY_DEPTH / 2 : aisleY + AISLE / 2 + BAY_DEPTH / 2;
                    for (int i = 0; i < layout.baysPerRow(); i++) {
                        BayId bayId = BayId.of(lotId.value() + "-" + fn + "-" + letter
                                + String.format("%03d", number++));
                        GeoPoint point = grid.at(END_ZONE + (i + 0.5) * BAY_WIDTH, bayY);
                        bays.add(new Bay(bayId, category(random, level == streetLevel && j == 0 && i < 2), point,
                                level, zoneId));
                        String junction = junctionIds[j][1 + i / BAYS_PER_JUNCTION];
                        links.add(new BayLink(bayId, junction, Decimals2.round(
                                point.distanceMetresTo(node(nodes, junction).point()))));
                    }
                }
                // pillars on the lower edge of the aisle, every three bays, each with a QR code
                for (int p = 1; p * BAYS_PER_PILLAR < layout.baysPerRow(); p++) {
                    double x = END_ZONE + p * BAYS_PER_PILLAR * BAY_WIDTH;
                    String id = fn + "-P" + letter + String.format("%02d", p);
                    nodes.add(new WalkNode(id, WalkNodeKind.PILLAR, level, grid.at(x, aisleY - AISLE / 2 + 0.3),
                            null, qr(lotId, id)));
                    int nearest = 1 + Math.min((int) ((x - END_ZONE) / (BAYS_PER_JUNCTION * BAY_WIDTH)),
                            junctionXs.size() - 3);
                    edges.add(edge(nodes, junctionIds[j][nearest], id));
                }
            }
            int lastStrip = strips - 1;
            int lastX = junctionXs.size() - 1;
            double firstAisle = aisleY(0);
            double lastAisle = aisleY(lastStrip);
            addShaftNode(nodes, edges, fn + "-E1", WalkNodeKind.ELEVATOR, level, grid.at(1.5, firstAisle), "E1",
                    qr(lotId, fn + "-E1"), junctionIds[0][0]);
            addShaftNode(nodes, edges, fn + "-S1", WalkNodeKind.STAIRS, level, grid.at(1.5, lastAisle), "S1",
                    null, junctionIds[lastStrip][0]);
            addShaftNode(nodes, edges, fn + "-S2", WalkNodeKind.STAIRS, level, grid.at(width - 1.5, firstAisle),
                    "S2", null, junctionIds[0][lastX]);
            if (secondElevator) {
                addShaftNode(nodes, edges, fn + "-E2", WalkNodeKind.ELEVATOR, level,
                        grid.at(width - 1.5, lastAisle), "E2", qr(lotId, fn + "-E2"), junctionIds[lastStrip][lastX]);
            }
            String pay = fn + "-PAY1";
            nodes.add(new WalkNode(pay, WalkNodeKind.PAY_STATION, level, grid.at(2.0, firstAisle + 2.5), null,
                    qr(lotId, pay)));
            edges.add(edge(nodes, junctionIds[0][0], pay));
            if (level == streetLevel) {
                String entrance = fn + "-ENT1";
                nodes.add(new WalkNode(entrance, WalkNodeKind.ENTRANCE, level, grid.at(0.5, firstAisle - 2.5),
                        null, null));
                edges.add(edge(nodes, junctionIds[0][0], entrance));
            }
        }
        // vertical edges: the same shaft on adjacent floors
        List<String> shafts = secondElevator ? List.of("E1", "E2", "S1", "S2") : List.of("E1", "S1", "S2");
        for (String shaft : shafts) {
            double cost = shaft.startsWith("E") ? WalkEdge.ELEVATOR_FLOOR_METRES : WalkEdge.STAIRS_FLOOR_METRES;
            for (int f = 1; f < floors.size(); f++) {
                edges.add(new WalkEdge(floors.get(f - 1).name() + "-" + shaft, floors.get(f).name() + "-" + shaft,
                        cost));
            }
        }
        IndoorModel model = new IndoorModel(floors, zones, bays, nodes, edges, links);
        return new Garage(grid.at(width / 2, depth / 2), corners, gates, model);
    }

    private static List<Double> junctionXs(Layout layout, double width) {
        List<Double> xs = new ArrayList<>();
        xs.add(END_ZONE / 2);
        int groups = (layout.baysPerRow() + BAYS_PER_JUNCTION - 1) / BAYS_PER_JUNCTION;
        for (int m = 0; m < groups; m++) {
            int first = m * BAYS_PER_JUNCTION;
            int last = Math.min(first + BAYS_PER_JUNCTION, layout.baysPerRow());
            xs.add(END_ZONE + (first + last) / 2.0 * BAY_WIDTH);
        }
        xs.add(width - END_ZONE / 2);
        return xs;
    }

    private static double aisleY(int strip) {
        return MARGIN + strip * (2 * BAY_DEPTH + AISLE) + BAY_DEPTH + AISLE / 2;
    }

    private static SpaceCategory category(SplittableRandom random, boolean nearEntrance) {
        if (nearEntrance) {
            return SpaceCategory.DISABLED;
        }
        double r = random.nextDouble();
        if (r < 0.015) {
            return SpaceCategory.DISABLED;
        }
        if (r < 0.105) {
            return SpaceCategory.EV_CHARGING;
        }
        if (r < 0.13) {
            return SpaceCategory.LARGE;
        }
        if (r < 0.16) {
            return SpaceCategory.NEV;
        }
        return SpaceCategory.GENERAL;
    }

    private static String qr(LotId lotId, String nodeId) {
        return lotId.value() + "." + nodeId;
    }

    private static void addShaftNode(List<WalkNode> nodes, List<WalkEdge> edges, String id, WalkNodeKind kind,
                                     int level, GeoPoint point, String shaft, String qrAnchor, String junction) {
        nodes.add(new WalkNode(id, kind, level, point, shaft, qrAnchor));
        edges.add(edge(nodes, junction, id));
    }

    private static WalkEdge edge(List<WalkNode> nodes, String from, String to) {
        double metres = node(nodes, from).point().distanceMetresTo(node(nodes, to).point());
        return new WalkEdge(from, to, Math.max(0.01, Decimals2.round(metres)));
    }

    private static WalkNode node(List<WalkNode> nodes, String id) {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (nodes.get(i).id().equals(id)) {
                return nodes.get(i);
            }
        }
        throw new IllegalStateException("no node " + id);
    }

    /** Rounding of metre values to the 2 decimals written to the files, so models compare equal after a read. */
    static final class Decimals2 {
        private Decimals2() {
        }

        static double round(double metres) {
            return Math.round(metres * 100) / 100.0;
        }
    }

    /** Local garage coordinates (origin at a corner, metres) to WGS-84 through a frame centred on the garage. */
    private record Grid(LocalFrame frame, double width, double depth) {
        GeoPoint at(double x, double y) {
            return frame.toGeo(x - width / 2, y - depth / 2);
        }
    }
}
