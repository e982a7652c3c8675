package dev.citypark.registry;

import dev.citypark.core.BayId;
import dev.citypark.core.InvalidValueException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The inside of a garage: floors, signed zones, individual bays and the pedestrian walk graph used for reverse car
 * finding (scan the QR code on a pillar or at the elevator, walk to your bay).
 * <p>
 * Validated on construction (failures name the offending element relative to the model, e.g. {@code bays[12].zone},
 * {@code edges[3]}):
 * <ul>
 *     <li>floor levels and names, zone ids, bay ids, node ids and QR anchors are unique;</li>
 *     <li>zones, bays and nodes are on existing floors; a bay's zone is on the bay's floor;</li>
 *     <li>edges refer to existing nodes; an edge that changes floor joins two nodes of the same elevator shaft or
 *     stairwell on adjacent floors (floor changes only through {@link WalkNodeKind#ELEVATOR} and
 *     {@link WalkNodeKind#STAIRS}); a same-floor edge is not shorter than the geodesic distance of its nodes;</li>
 *     <li>the walk graph is connected;</li>
 *     <li>every bay has exactly one {@link BayLink} to a junction on its floor, so every bay is reachable.</li>
 * </ul>
 */
public final class IndoorModel {

    /** Slack for rounding when comparing an edge's length with the geodesic distance of its nodes. */
    private static final double LENGTH_TOLERANCE_METRES = 0.05;

    private final List<Floor> floors;
    private final List<Zone> zones;
    private final List<Bay> bays;
    private final List<WalkNode> nodes;
    private final List<WalkEdge> edges;
    private final List<BayLink> bayLinks;

    private final Map<String, WalkNode> nodesById;
    private final Map<String, WalkNode> nodesByQrAnchor;
    private final Map<BayId, Bay> baysById;
    private final Map<BayId, BayLink> linksByBay;
    private final Map<String, List<WalkEdge>> edgesByNode;

    public IndoorModel(List<Floor> floors, List<Zone> zones, List<Bay> bays, List<WalkNode> nodes,
                       List<WalkEdge> edges, List<BayLink> bayLinks) {
        this.floors = Checks.list("floors", floors);
        this.zones = Checks.list("zones", zones);
        this.bays = Checks.list("bays", bays);
        this.nodes = Checks.list("nodes", nodes);
        this.edges = Checks.list("edges", edges);
        this.bayLinks = Checks.list("bayLinks", bayLinks);

        if (this.floors.isEmpty()) {
            throw new InvalidValueException("floors", "an indoor model needs at least one floor");
        }
        Map<Integer, Integer> floorIndex = floorIndex(this.floors);
        Map<String, Zone> zonesById = zonesById(this.zones, floorIndex);
        this.baysById = baysById(this.bays, floorIndex, zonesById);
        this.nodesById = new LinkedHashMap<>();
        this.nodesByQrAnchor = new HashMap<>();
        indexNodes(floorIndex);
        this.edgesByNode = new HashMap<>();
        checkEdges(floorIndex);
        this.linksByBay = new HashMap<>();
        checkLinks();
        checkConnected();
    }

    private static Map<Integer, Integer> floorIndex(List<Floor> floors) {
        List<Floor> sorted = new ArrayList<>(floors);
        sorted.sort(Comparator.comparingInt(Floor::level));
        Map<Integer, Integer> index = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < floors.size(); i++) {
            Floor floor = floors.get(i);
            if (!names.add(floor.name())) {
                throw new InvalidValueException("floors[" + i + "].name", "duplicate floor name " + floor.name());
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            if (index.put(sorted.get(i).level(), i) != null) {
                throw new InvalidValueException("floors[" + floors.indexOf(sorted.get(i)) + "].level",
                        "duplicate floor level " + sorted.get(i).level());
            }
        }
        return index;
    }

    private static Map<String, Zone> zonesById(List<Zone> zones, Map<Integer, Integer> floorIndex) {
        Map<String, Zone> byId = new HashMap<>();
        for (int i = 0; i < zones.size(); i++) {
            Zone zone = zones.get(i);
            if (!floorIndex.containsKey(zone.floor())) {
                throw new InvalidValueException("zones[" + i + "].floor", "zone " + zone.id()
                        + " is on floor " + zone.floor() + ", which the model does not have");
            }
            if (byId.put(zone.id(), zone) != null) {
                throw new InvalidValueException("zones[" + i + "].id", "duplicate zone id " + zone.id());
            }
        }
        return byId;
    }

    private static Map<BayId, Bay> baysById(List<Bay> bays, Map<Integer, Integer> floorIndex,
                                            Map<String, Zone> zonesById) {
        Map<BayId, Bay> byId = new HashMap<>();
        for (int i = 0; i < bays.size(); i++) {
            Bay bay = bays.get(i);
            if (byId.put(bay.id(), bay) != null) {
                throw new InvalidValueException("bays[" + i + "].id", "duplicate bay id " + bay.id());
            }
            if (!floorIndex.containsKey(bay.floor())) {
                throw new InvalidValueException("bays[" + i + "].floor", "bay " + bay.id() + " is on floor "
                        + bay.floor() + ", which the model does not have");
            }
            if (bay.zoneId() != null) {
                Zone zone = zonesById.get(bay.zoneId());
                if (zone == null) {
                    throw new InvalidValueException("bays[" + i + "].zone", "bay " + bay.id()
                            + " refers to unknown zone " + bay.zoneId());
                }
                if (zone.floor() != bay.floor()) {
                    throw new InvalidValueException("bays[" + i + "].zone", "bay " + bay.id() + " is on floor "
                            + bay.floor() + " but its zone " + zone.id() + " is on floor " + zone.floor());
                }
            }
        }
        return byId;
    }

    private void indexNodes(Map<Integer, Integer> floorIndex) {
        for (int i = 0; i < nodes.size(); i++) {
            WalkNode node = nodes.get(i);
            if (nodesById.put(node.id(), node) != null) {
                throw new InvalidValueException("nodes[" + i + "].id", "duplicate node id " + node.id());
            }
            if (!floorIndex.containsKey(node.floor())) {
                throw new InvalidValueException("nodes[" + i + "].floor", "node " + node.id() + " is on floor "
                        + node.floor() + ", which the model does not have");
            }
            if (node.qrAnchor() != null && nodesByQrAnchor.put(node.qrAnchor(), node) != null) {
                throw new InvalidValueException("nodes[" + i + "].qrAnchor",
                        "duplicate QR anchor " + node.qrAnchor());
            }
        }
    }

    private void checkEdges(Map<Integer, Integer> floorIndex) {
        for (int i = 0; i < edges.size(); i++) {
            WalkEdge edge = edges.get(i);
            String field = "edges[" + i + "]";
            WalkNode from = nodesById.get(edge.from());
            if (from == null) {
                throw new InvalidValueException(field + ".from", "edge refers to unknown node " + edge.from());
            }
            WalkNode to = nodesById.get(edge.to());
            if (to == null) {
                throw new InvalidValueException(field + ".to", "edge refers to unknown node " + edge.to());
            }
            if (from.floor() != to.floor()) {
                if (!from.kind().changesFloor() || from.kind() != to.kind()
                        || !from.shaftId().equals(to.shaftId())) {
                    throw new InvalidValueException(field, "edge " + from.id() + " - " + to.id()
                            + " changes floor but does not join one elevator shaft or stairwell");
                }
                if (Math.abs(floorIndex.get(from.floor()) - floorIndex.get(to.floor())) != 1) {
                    throw new InvalidValueException(field, "edge " + from.id() + " - " + to.id()
                            + " skips a floor; vertical edges join adjacent floors");
                }
            } else {
                double straight = from.point().distanceMetresTo(to.point());
                if (edge.lengthMetres() < straight - LENGTH_TOLERANCE_METRES) {
                    throw new InvalidValueException(field + ".lengthMetres", "edge " + from.id() + " - " + to.id()
                            + " is " + edge.lengthMetres() + " m long, shorter than the " + straight
                            + " m between its nodes");
                }
            }
            edgesByNode.computeIfAbsent(edge.from(), k -> new ArrayList<>()).add(edge);
            edgesByNode.computeIfAbsent(edge.to(), k -> new ArrayList<>()).add(edge);
        }
    }

    private void checkLinks() {
        for (int i = 0; i < bayLinks.size(); i++) {
            BayLink link = bayLinks.get(i);
            String field = "bayLinks[" + i + "]";
            Bay bay = baysById.get(link.bayId());
            if (bay == null) {
                throw new InvalidValueException(field + ".bayId", "link refers to unknown bay " + link.bayId());
            }
            if (linksByBay.put(link.bayId(), link) != null) {
                throw new InvalidValueException(field + ".bayId", "bay " + link.bayId() + " is linked twice");
            }
            WalkNode node = nodesById.get(link.nodeId());
            if (node == null) {
                throw new InvalidValueException(field + ".node", "bay " + link.bayId()
                        + " is linked to unknown node " + link.nodeId());
            }
            if (node.kind() != WalkNodeKind.JUNCTION || node.floor() != bay.floor()) {
                throw new InvalidValueException(field + ".node", "bay " + link.bayId()
                        + " must be linked to a junction on its own floor, " + node.id() + " is a " + node.kind()
                        + " on floor " + node.floor());
            }
        }
        for (int i = 0; i < bays.size(); i++) {
            if (!linksByBay.containsKey(bays.get(i).id())) {
                throw new InvalidValueException("bays[" + i + "].node", "bay " + bays.get(i).id()
                        + " is not linked to the walk graph");
            }
        }
    }

    private void checkConnected() {
        if (nodes.isEmpty()) {
            if (!bays.isEmpty()) {
                throw new InvalidValueException("nodes", "a model with bays needs a walk graph");
            }
            return;
        }
        Set<String> seen = new HashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        String start = nodes.get(0).id();
        seen.add(start);
        queue.add(start);
        while (!queue.isEmpty()) {
            String current = queue.poll();
            for (WalkEdge edge : edgesByNode.getOrDefault(current, List.of())) {
                String next = edge.from().equals(current) ? edge.to() : edge.from();
                if (seen.add(next)) {
                    queue.add(next);
                }
            }
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (!seen.contains(nodes.get(i).id())) {
                throw new InvalidValueException("edges", "walk graph is not connected: node " + nodes.get(i).id()
                        + " cannot be reached from " + start);
            }
        }
    }

    public List<Floor> floors() {
        return floors;
    }

    public List<Zone> zones() {
        return zones;
    }

    public List<Bay> bays() {
        return bays;
    }

    public List<WalkNode> nodes() {
        return nodes;
    }

    public List<WalkEdge> edges() {
        return edges;
    }

    public List<BayLink> bayLinks() {
        return bayLinks;
    }

    /** Bays counted per category. */
    public Capacity capacity() {
        return Capacity.countOf(bays);
    }

    public Optional<WalkNode> findNode(String nodeId) {
        return Optional.ofNullable(nodesById.get(nodeId));
    }

    /** The node whose QR code carries {@code qrAnchor}. */
    public Optional<WalkNode> findNodeByQrAnchor(String qrAnchor) {
        return Optional.ofNullable(nodesByQrAnchor.get(qrAnchor));
    }

    public Optional<Bay> findBay(BayId bayId) {
        return Optional.ofNullable(baysById.get(bayId));
    }

    /** The link of a bay of this model to the walk graph. */
    public Optional<BayLink> findLink(BayId bayId) {
        return Optional.ofNullable(linksByBay.get(bayId));
    }

    /** The edges touching a node, in model order. */
    public List<WalkEdge> listEdgesOf(String nodeId) {
        return Collections.unmodifiableList(edgesByNode.getOrDefault(nodeId, List.of()));
    }

    public List<Bay> listBaysOn(int level) {
        return bays.stream().filter(b -> b.floor() == level).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndoorModel other && floors.equals(other.floors) && zones.equals(other.zones)
                && bays.equals(other.bays) && nodes.equals(other.nodes) && edges.equals(other.edges)
                && bayLinks.equals(other.bayLinks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(floors, zones, bays, nodes, edges, bayLinks);
    }

    @Override
    public String toString() {
        return "IndoorModel[" + floors.size() + " floors, " + bays.size() + " bays, " + nodes.size() + " nodes, "
                + edges.size() + " edges]";
    }
}
