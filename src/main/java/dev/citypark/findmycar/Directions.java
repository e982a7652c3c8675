package dev.citypark.findmycar;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

import dev.citypark.core.GeoPoint;
import dev.citypark.registry.Bay;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.WalkNodeKind;
import dev.citypark.registry.Zone;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;

/**
 * Turns a walked path into turn-by-turn instructions in Chinese and English.
 * <p>
 * Same-floor edges are merged into one walking leg while the heading changes by less than
 * {@value #TURN_DEGREES}°; a larger change is a left or right turn (signed difference of GeographicLib geodesic
 * azimuths: the azimuth leaving the node minus the azimuth arriving at it, positive clockwise), more than
 * {@value #TURN_AROUND_DEGREES}° is turning around. Edges shorter than {@value #MIN_HEADING_METRES} m do not change
 * the heading (their azimuth is noise). Consecutive vertical edges are one ride ("乘电梯到B2层"); after it the heading
 * is unknown, so no turn is announced before the next leg. A leg is "along the aisle of zone C" when the aisle nodes
 * it passes serve bays of one zone. The last step says on which side of the walker the bay lies.
 */
final class Directions {

    static final double TURN_DEGREES = 30;
    static final double TURN_AROUND_DEGREES = 150;
    static final double MIN_HEADING_METRES = 0.5;

    private final IntFunction<String> floorName;
    private final Function<String, Zone> zoneOfNode;

    /**
     * @param floorName  the sign name of a floor level
     * @param zoneOfNode the zone whose bays an aisle node serves, or null
     */
    Directions(IntFunction<String> floorName, Function<String, Zone> zoneOfNode) {
        this.floorName = floorName;
        this.zoneOfNode = zoneOfNode;
    }

    /**
     * @param start      where the walk starts (a QR anchor node, or a position snapped to it)
     * @param walked     the path's nodes, the start node first and the bay's junction last
     * @param edgeMetres the length of each edge of the path ({@code walked.size() - 1} of them)
     * @param bay        the bay at the end
     * @param bayLabel   the bay as shown to the driver, e.g. "B2-C017"
     * @param linkMetres metres from the last node to the bay
     */
    List<Instruction> describe(GarageRouter.Start start, List<WalkNode> walked, List<Double> edgeMetres, Bay bay,
                               String bayLabel, double linkMetres) {
        List<Instruction> out = new ArrayList<>();
        WalkNode first = walked.get(0);
        Double heading = null;
        if (start.position().isPresent() && start.snapMetres() >= 1) {
            out.add(new Instruction(InstructionKind.START,
                    "从您的位置步行" + metres(start.snapMetres()) + "米到" + floorName(first) + "层" + zh(first.kind())
                            + " " + first.id(),
                    "From your position, walk " + metres(start.snapMetres()) + " m to the " + en(first.kind()) + " "
                            + first.id() + " on " + floorName(first),
                    start.snapMetres(), first.floor()));
            if (start.snapMetres() >= MIN_HEADING_METRES) {
                heading = azimuths(start.position().get(), first.point()).azi2;
            }
        }
        else {
            out.add(new Instruction(InstructionKind.START,
                    "从" + floorName(first) + "层" + zh(first.kind()) + " " + first.id() + " 出发",
                    "Start at the " + en(first.kind()) + " " + first.id() + " on " + floorName(first),
                    0, first.floor()));
        }

        Leg leg = null;
        int i = 0;
        while (i < walked.size() - 1) {
            WalkNode a = walked.get(i);
            WalkNode b = walked.get(i + 1);
            if (a.floor() != b.floor()) {
                flush(out, leg);
                leg = null;
                int j = i;
                double rideMetres = 0;
                while (j < walked.size() - 1 && walked.get(j).floor() != walked.get(j + 1).floor()) {
                    rideMetres += edgeMetres.get(j);
                    j++;
                }
                out.add(ride(a, walked.get(j), rideMetres));
                heading = null;
                i = j;
                continue;
            }
            if (a.point().distanceMetresTo(b.point()) >= MIN_HEADING_METRES) {
                GeodesicData azimuths = azimuths(a.point(), b.point());
                if (heading != null) {
                    double turn = signedDifference(azimuths.azi1, heading);
                    if (Math.abs(turn) >= TURN_DEGREES) {
                        flush(out, leg);
                        leg = null;
                        out.add(turn(turn, a));
                    }
                }
                heading = azimuths.azi2;
            }
            if (leg == null) {
                leg = new Leg(a);
            }
            leg.walkTo(b, edgeMetres.get(i));
            i++;
        }
        flush(out, leg);
        out.add(arrive(walked.get(walked.size() - 1), heading, bay, bayLabel, linkMetres));
        return out;
    }

    private void flush(List<Instruction> out, Leg leg) {
        if (leg == null || leg.metres <= 0) {
            return;
        }
        Set<Zone> zones = new LinkedHashSet<>();
        for (WalkNode node : leg.nodes) {
            Zone zone = zoneOfNode.apply(node.id());
            if (zone != null) {
                zones.add(zone);
            }
        }
        WalkNode end = leg.nodes.get(leg.nodes.size() - 1);
        String zh;
        String en;
        if (zones.size() == 1) {
            Zone zone = zones.iterator().next();
            zh = "沿" + zone.name() + "通道直行" + metres(leg.metres) + "米";
            en = "Walk " + metres(leg.metres) + " m along the aisle of zone " + zone.id();
        }
        else {
            zh = "直行" + metres(leg.metres) + "米";
            en = "Walk straight on for " + metres(leg.metres) + " m";
        }
        if (end.kind() != WalkNodeKind.JUNCTION && end.kind() != WalkNodeKind.PILLAR) {
            zh += "，到达" + zh(end.kind());
            en += " to the " + en(end.kind());
        }
        out.add(new Instruction(InstructionKind.WALK, zh, en, leg.metres, leg.nodes.get(0).floor()));
    }

    private Instruction ride(WalkNode from, WalkNode to, double metres) {
        String floor = floorName(to);
        if (from.kind() == WalkNodeKind.ELEVATOR) {
            return new Instruction(InstructionKind.ELEVATOR, "乘电梯到" + floor + "层", "Take the elevator to " + floor,
                    metres, from.floor());
        }
        boolean up = to.floor() > from.floor();
        return new Instruction(InstructionKind.STAIRS, "走楼梯" + (up ? "上" : "下") + "到" + floor + "层",
                "Take the stairs " + (up ? "up" : "down") + " to " + floor, metres, from.floor());
    }

    private static Instruction turn(double degrees, WalkNode at) {
        if (Math.abs(degrees) > TURN_AROUND_DEGREES) {
            return new Instruction(InstructionKind.TURN_AROUND, "掉头", "Turn around", 0, at.floor());
        }
        return degrees > 0
                ? new Instruction(InstructionKind.TURN_RIGHT, "右转", "Turn right", 0, at.floor())
                : new Instruction(InstructionKind.TURN_LEFT, "左转", "Turn left", 0, at.floor());
    }

    private static Instruction arrive(WalkNode last, Double heading, Bay bay, String label, double linkMetres) {
        if (heading == null || linkMetres < MIN_HEADING_METRES) {
            return new Instruction(InstructionKind.ARRIVE,
                    "车位 " + label + " 就在附近，约" + metres(linkMetres) + "米",
                    "Bay " + label + " is about " + metres(linkMetres) + " m from here", linkMetres, last.floor());
        }
        double side = signedDifference(azimuths(last.point(), bay.point()).azi1, heading);
        String zh;
        String en;
        if (Math.abs(side) < TURN_DEGREES) {
            zh = "前方";
            en = "ahead of you";
        }
        else if (Math.abs(side) > TURN_AROUND_DEGREES) {
            zh = "身后";
            en = "behind you";
        }
        else if (side > 0) {
            zh = "右侧";
            en = "on your right";
        }
        else {
            zh = "左侧";
            en = "on your left";
        }
        return new Instruction(InstructionKind.ARRIVE, "车位 " + label + " 在您" + zh, "Bay " + label + " is " + en,
                linkMetres, last.floor());
    }

    private String floorName(WalkNode node) {
        return floorName.apply(node.floor());
    }

    /** Initial and final azimuth (degrees clockwise from north) of the geodesic from a to b. */
    private static GeodesicData azimuths(GeoPoint a, GeoPoint b) {
        return Geodesic.WGS84.Inverse(a.lat(), a.lon(), b.lat(), b.lon(), GeodesicMask.AZIMUTH);
    }

    /** {@code to - from} in degrees, normalised to (-180, 180]: positive is clockwise (to the right). */
    static double signedDifference(double to, double from) {
        double d = (to - from) % 360;
        if (d > 180) {
            d -= 360;
        }
        else if (d <= -180) {
            d += 360;
        }
        return d;
    }

    /** Whole metres for the text, at least 1. */
    private static long metres(double metres) {
        return Math.max(1, Math.round(metres));
    }

    private static String zh(WalkNodeKind kind) {
        return switch (kind) {
            case ELEVATOR -> "电梯";
            case STAIRS -> "楼梯口";
            case PAY_STATION -> "缴费机";
            case PILLAR -> "柱";
            case JUNCTION -> "通道路口";
            case ENTRANCE -> "人行入口";
        };
    }

    private static String en(WalkNodeKind kind) {
        return switch (kind) {
            case ELEVATOR -> "elevator";
            case STAIRS -> "stairs";
            case PAY_STATION -> "pay station";
            case PILLAR -> "pillar";
            case JUNCTION -> "aisle junction";
            case ENTRANCE -> "pedestrian entrance";
        };
    }

    /** Same-floor edges walked without a turn. */
    private static final class Leg {

        private final List<WalkNode> nodes = new ArrayList<>();
        private double metres;

        Leg(WalkNode start) {
            nodes.add(start);
        }

        void walkTo(WalkNode next, double edgeMetres) {
            nodes.add(next);
            metres += edgeMetres;
        }
    }
}
