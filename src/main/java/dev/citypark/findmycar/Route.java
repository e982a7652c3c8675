package dev.citypark.findmycar;

import java.util.List;
import java.util.Objects;

import dev.citypark.core.BayId;
import dev.citypark.core.LotId;

/**
 * A walking route inside a garage to a bay.
 *
 * @param lotId        the garage
 * @param bayId        the bay at the end
 * @param access       which floor changes it may use
 * @param waypoints    the walk-graph nodes in walking order, the start node first, then the bay
 * @param totalMetres  walking metres from the start to the bay: the walk to the start node ({@code snapMetres}),
 *                     the path (elevator and stairs at their walking-equivalent cost) and the bay's link
 * @param snapMetres   geodesic metres from a given position to the walk-graph node it was snapped to; 0 when the
 *                     route starts at a QR anchor
 * @param instructions turn-by-turn steps in walking order, from {@link InstructionKind#START} to
 *                     {@link InstructionKind#ARRIVE}
 */
public record Route(LotId lotId, BayId bayId, Access access, List<Waypoint> waypoints, double totalMetres,
                    double snapMetres, List<Instruction> instructions) {

    public Route {
        Objects.requireNonNull(lotId, "lotId");
        Objects.requireNonNull(bayId, "bayId");
        Objects.requireNonNull(access, "access");
        waypoints = List.copyOf(waypoints);
        instructions = List.copyOf(instructions);
        if (waypoints.size() < 2) {
            throw new IllegalArgumentException("a route has a start node and a bay, got " + waypoints.size()
                    + " waypoints");
        }
    }

    /** The node the walk starts at. */
    public Waypoint start() {
        return waypoints.get(0);
    }
}
