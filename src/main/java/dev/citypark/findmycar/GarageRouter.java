package dev.citypark.findmycar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.citypark.core.BayId;
import dev.citypark.core.GeoBox;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.BayLink;
import dev.citypark.registry.Floor;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.WalkEdge;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.WalkNodeKind;
import dev.citypark.registry.Zone;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.interfaces.AStarAdmissibleHeuristic;
import org.jgrapht.alg.shortestpath.AStarShortestPath;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Everything needed to route inside one garage, precomputed once from its {@link IndoorModel}: the walk graph as two
 * immutable JGraphT graphs (all edges; without stairs between floors), the A* heuristic, an STRtree of nodes per
 * floor for snapping positions, and the zone each aisle node serves (for "沿C区通道"). Immutable after construction,
 * so one instance serves concurrent requests; every search creates its own {@link AStarShortestPath}.
 */
final class GarageRouter {

    /** First search radius when snapping a position to a node; doubled until a node lies within it. */
    private static final double SNAP_START_METRES = 16;
    /** A position farther than this from every walk node of its floor is not inside the garage. */
    static final double MAX_SNAP_METRES = 300;

    private final LotId lotId;
    private final IndoorModel model;
    private final Map<String, WalkNode> nodes;
    private final Map<Integer, Floor> floorsByLevel;
    private final Map<Integer, Integer> floorOrder;
    private final Map<Integer, FloorNodes> nodesByFloor;
    private final Map<String, Zone> zoneOfNode;
    private final Graph<String, DefaultWeightedEdge> anyGraph;
    private final Graph<String, DefaultWeightedEdge> stepFreeGraph;
    private final FloorAwareHeuristic heuristic;
    private final int streetLevel;

    private GarageRouter(LotId lotId, IndoorModel model) {
        this.lotId = lotId;
        this.model = model;
        this.nodes = new HashMap<>();
        model.nodes().forEach(n -> nodes.put(n.id(), n));
        this.floorsByLevel = new TreeMap<>();
        model.floors().forEach(f -> floorsByLevel.put(f.level(), f));
        this.floorOrder = new HashMap<>();
        int order = 0;
        for (int level : floorsByLevel.keySet()) {
            floorOrder.put(level, order++);
        }
        this.nodesByFloor = indexFloors(model);
        this.zoneOfNode = zonesOfNodes(model);
        SimpleWeightedGraph<String, DefaultWeightedEdge> any = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        SimpleWeightedGraph<String, DefaultWeightedEdge> stepFree =
                new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (WalkNode node : model.nodes()) {
            any.addVertex(node.id());
            stepFree.addVertex(node.id());
        }
        double minVertical = Double.POSITIVE_INFINITY;
        for (WalkEdge edge : model.edges()) {
            addShortest(any, edge);
            boolean vertical = nodes.get(edge.from()).floor() != nodes.get(edge.to()).floor();
            if (vertical) {
                minVertical = Math.min(minVertical, edge.lengthMetres());
            }
            if (!vertical || nodes.get(edge.from()).kind() != WalkNodeKind.STAIRS) {
                addShortest(stepFree, edge);
            }
        }
        this.anyGraph = new AsUnmodifiableGraph<>(any);
        this.stepFreeGraph = new AsUnmodifiableGraph<>(stepFree);
        this.heuristic = FloorAwareHeuristic.of(model, nodes, floorOrder,
                Double.isInfinite(minVertical) ? 0 : minVertical);
        this.streetLevel = streetLevel(model);
    }

    static GarageRouter of(LotId lotId, IndoorModel model) {
        return new GarageRouter(lotId, model);
    }

    /** The model this router was built from (compared by identity to detect a registry change). */
    IndoorModel model() {
        return model;
    }

    FloorAwareHeuristic heuristic() {
        return heuristic;
    }

    Graph<String, DefaultWeightedEdge> graph(Access access) {
        return access == Access.STEP_FREE ? stepFreeGraph : anyGraph;
    }

    /** The shortest walk from {@code from} to the bay, with turn-by-turn directions. */
    Route route(RouteStart from, BayId bayId, Access access) {
        Bay bay = model.findBay(bayId).orElseThrow(() -> new InvalidValueException("to",
                "bay " + bayId + " is not in lot " + lotId));
        BayLink link = model.findLink(bayId).orElseThrow();
        Start start = resolve(from);
        Graph<String, DefaultWeightedEdge> graph = graph(access);
        GraphPath<String, DefaultWeightedEdge> path =
                new AStarShortestPath<>(graph, heuristic).getPath(start.node().id(), link.nodeId());
        if (path == null) {
            throw new NoRouteException(lotId, start.node().id(), bayId, access);
        }
        List<WalkNode> walked = path.getVertexList().stream().map(nodes::get).toList();
        List<Double> edgeMetres = path.getEdgeList().stream().map(graph::getEdgeWeight).toList();

        List<Waypoint> waypoints = new ArrayList<>(walked.size() + 1);
        for (WalkNode node : walked) {
            waypoints.add(new Waypoint(node.id(), WaypointKind.of(node.kind()), node.floor(), floorName(node.floor()),
                    node.point()));
        }
        waypoints.add(new Waypoint(bayId.value(), WaypointKind.BAY, bay.floor(), floorName(bay.floor()),
                bay.point()));
        double total = start.snapMetres() + path.getWeight() + link.lengthMetres();
        List<Instruction> instructions = new Directions(this::floorName, zoneOfNode::get)
                .describe(start, walked, edgeMetres, bay, bayLabel(bayId), link.lengthMetres());
        return new Route(lotId, bayId, access, waypoints, round1(total), round1(start.snapMetres()), instructions);
    }

    /** Shortest-path metres from a node to every node it reaches (single-source Dijkstra). */
    Map<String, Double> distancesFrom(String nodeId, Access access) {
        var paths = new DijkstraShortestPath<>(graph(access)).getPaths(nodeId);
        Map<String, Double> distances = new HashMap<>();
        for (String target : nodes.keySet()) {
            double weight = paths.getWeight(target);
            if (Double.isFinite(weight)) {
                distances.put(target, weight);
            }
        }
        return distances;
    }

    /** The node a route starts at: the one carrying the QR anchor, or the nearest to a position on its floor. */
    Start resolve(RouteStart from) {
        if (from instanceof RouteStart.QrAnchor qr) {
            WalkNode node = model.findNodeByQrAnchor(qr.anchor()).orElseThrow(() -> new InvalidValueException(
                    RouteStart.FIELD, "unknown QR anchor " + qr.anchor() + " in lot " + lotId));
            return new Start(node, Optional.empty(), 0);
        }
        RouteStart.Position position = (RouteStart.Position) from;
        int level = position.floor().map(this::resolveFloor).orElse(streetLevel);
        WalkNode node = nodesByFloor.get(level).nearest(position.point());
        double snapMetres = position.point().distanceMetresTo(node.point());
        if (snapMetres > MAX_SNAP_METRES) {
            throw new InvalidValueException(RouteStart.FIELD, "position " + position.point() + " is "
                    + Math.round(snapMetres) + " m from the nearest walkway of lot " + lotId + " on "
                    + floorName(level) + "; scan a QR code or send a position inside the garage");
        }
        return new Start(node, Optional.of(position.point()), snapMetres);
    }

    private int resolveFloor(String floor) {
        for (Floor f : floorsByLevel.values()) {
            if (f.name().equalsIgnoreCase(floor.strip()) && nodesByFloor.containsKey(f.level())) {
                return f.level();
            }
        }
        try {
            int level = Integer.parseInt(floor.strip());
            if (floorsByLevel.containsKey(level) && nodesByFloor.containsKey(level)) {
                return level;
            }
        }
        catch (NumberFormatException e) {
            // not a level either: reported below
        }
        throw new InvalidValueException(RouteStart.FIELD, "lot " + lotId + " has no floor "
                + floor.strip().toUpperCase(Locale.ROOT) + " with walkways; its floors are "
                + model.floors().stream().map(Floor::name).toList());
    }

    String floorName(int level) {
        return floorsByLevel.get(level).name();
    }

    private String bayLabel(BayId bayId) {
        String prefix = lotId.value() + "-";
        return bayId.value().startsWith(prefix) ? bayId.value().substring(prefix.length()) : bayId.value();
    }

    private static void addShortest(Graph<String, DefaultWeightedEdge> graph, WalkEdge edge) {
        DefaultWeightedEdge existing = graph.getEdge(edge.from(), edge.to());
        if (existing == null) {
            graph.setEdgeWeight(graph.addEdge(edge.from(), edge.to()), edge.lengthMetres());
        }
        else if (edge.lengthMetres() < graph.getEdgeWeight(existing)) {
            graph.setEdgeWeight(existing, edge.lengthMetres());
        }
    }

    private static Map<Integer, FloorNodes> indexFloors(IndoorModel model) {
        Map<Integer, List<WalkNode>> byFloor = new HashMap<>();
        model.nodes().forEach(n -> byFloor.computeIfAbsent(n.floor(), k -> new ArrayList<>()).add(n));
        Map<Integer, FloorNodes> index = new HashMap<>();
        byFloor.forEach((level, list) -> index.put(level, new FloorNodes(list)));
        return index;
    }

    /** The zone of the bays linked to each node (the most common one when a node serves several). */
    private static Map<String, Zone> zonesOfNodes(IndoorModel model) {
        Map<String, Zone> zonesById = new HashMap<>();
        model.zones().forEach(z -> zonesById.put(z.id(), z));
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (BayLink link : model.bayLinks()) {
            model.findBay(link.bayId()).flatMap(Bay::findZoneId).ifPresent(zone ->
                    counts.computeIfAbsent(link.nodeId(), k -> new TreeMap<>()).merge(zone, 1, Integer::sum));
        }
        Map<String, Zone> zoneOfNode = new HashMap<>();
        counts.forEach((node, perZone) -> perZone.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .ifPresent(best -> zoneOfNode.put(node, zonesById.get(best.getKey()))));
        return zoneOfNode;
    }

    /** The floor with a pedestrian entrance nearest to level 0, else the walkable level nearest to 0. */
    private static int streetLevel(IndoorModel model) {
        Comparator<WalkNode> nearestToGround = Comparator.comparingInt((WalkNode n) -> Math.abs(n.floor()))
                .thenComparingInt(WalkNode::floor);
        return model.nodes().stream().filter(n -> n.kind() == WalkNodeKind.ENTRANCE).min(nearestToGround)
                .or(() -> model.nodes().stream().min(nearestToGround))
                .map(WalkNode::floor)
                .orElseThrow(() -> new IllegalStateException("an indoor model without walk nodes cannot be routed"));
    }

    private static double round1(double metres) {
        return Math.round(metres * 10) / 10.0;
    }

    /**
     * Where a walk starts.
     *
     * @param node       the walk-graph node
     * @param position   the driver's position when given instead of a QR anchor
     * @param snapMetres geodesic metres from the position to the node, 0 for a QR anchor
     */
    record Start(WalkNode node, Optional<GeoPoint> position, double snapMetres) {
    }

    /** The walk nodes of one floor in an STRtree, for the nearest node to a position. */
    static final class FloorNodes {

        private final STRtree tree = new STRtree();
        private final List<WalkNode> nodes;
        private final Envelope extent = new Envelope();

        FloorNodes(List<WalkNode> nodes) {
            this.nodes = List.copyOf(nodes);
            for (WalkNode node : nodes) {
                tree.insert(new Envelope(node.point().asJtsCoordinate()), node);
                extent.expandToInclude(node.point().asJtsCoordinate());
            }
            tree.build();
        }

        /**
         * The node geodesically nearest to {@code point}: query a box around a geodesic circle, doubling the radius
         * until a node lies within the circle (then no node outside it can be nearer) or the box covers the floor.
         */
        WalkNode nearest(GeoPoint point) {
            double radius = SNAP_START_METRES;
            while (true) {
                Envelope box = GeoBox.around(point, radius);
                @SuppressWarnings("unchecked")
                List<WalkNode> hits = tree.query(box);
                WalkNode best = null;
                double bestMetres = Double.POSITIVE_INFINITY;
                for (WalkNode node : hits) {
                    double metres = point.distanceMetresTo(node.point());
                    if (metres < bestMetres || (metres == bestMetres && node.id().compareTo(best.id()) < 0)) {
                        best = node;
                        bestMetres = metres;
                    }
                }
                if (best != null && (bestMetres <= radius || box.covers(extent))) {
                    return best;
                }
                radius *= 2;
            }
        }

        int size() {
            return nodes.size();
        }
    }

    /**
     * A consistent (hence admissible) A* heuristic for a multi-floor walk graph: {@code scale × (geodesic distance +
     * floors apart × the cheapest vertical edge)}. The bracket is a metric; {@code scale ≤ 1} is the smallest ratio
     * of an edge's length to the bracket between its nodes, so no edge is ever shorter than the heuristic's drop
     * across it, whatever the model (edges may be up to 5 cm shorter than the geodesic by rounding, shafts on
     * adjacent floors may be offset). The scale is then shaved by a relative 10⁻⁹ against floating-point rounding.
     */
    record FloorAwareHeuristic(Map<String, WalkNode> nodes, Map<Integer, Integer> floorOrder, double verticalMetres,
                               double scale) implements AStarAdmissibleHeuristic<String> {

        static FloorAwareHeuristic of(IndoorModel model, Map<String, WalkNode> nodes,
                                      Map<Integer, Integer> floorOrder, double verticalMetres) {
            FloorAwareHeuristic unscaled = new FloorAwareHeuristic(nodes, floorOrder, verticalMetres, 1);
            double scale = 1;
            for (WalkEdge edge : model.edges()) {
                double bound = unscaled.getCostEstimate(edge.from(), edge.to());
                if (bound > 0) {
                    scale = Math.min(scale, edge.lengthMetres() / bound);
                }
            }
            // shaved by a relative 1e-9 so floating-point noise (1e-14 m) never makes it overestimate by a hair
            return new FloorAwareHeuristic(Map.copyOf(nodes), Map.copyOf(floorOrder), verticalMetres,
                    scale * (1 - 1e-9));
        }

        @Override
        public double getCostEstimate(String sourceVertex, String targetVertex) {
            WalkNode a = nodes.get(sourceVertex);
            WalkNode b = nodes.get(targetVertex);
            int floorsApart = Math.abs(floorOrder.get(a.floor()) - floorOrder.get(b.floor()));
            return scale * (a.point().distanceMetresTo(b.point()) + floorsApart * verticalMetres);
        }
    }
}
