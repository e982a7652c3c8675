package dev.citypark.registry;

import dev.citypark.core.InvalidValueException;

/**
 * An undirected pedestrian edge of a garage's walk graph. On one floor its length is the geodesic distance between
 * its nodes (or longer); between floors it joins the same elevator shaft or stairwell on adjacent floors and its
 * length is a fixed walking-equivalent cost ({@link #ELEVATOR_FLOOR_METRES}, {@link #STAIRS_FLOOR_METRES}).
 *
 * @param from         node id
 * @param to           node id, not {@code from}
 * @param lengthMetres walking length or equivalent cost in metres, &gt; 0
 */
public record WalkEdge(String from, String to, double lengthMetres) {

    /** Cost of riding one floor by elevator, in metres of walking. */
    public static final double ELEVATOR_FLOOR_METRES = 15.0;
    /** Cost of climbing one floor by stairs, in metres of walking. */
    public static final double STAIRS_FLOOR_METRES = 20.0;

    public WalkEdge {
        Checks.localId("from", from);
        Checks.localId("to", to);
        if (from.equals(to)) {
            throw new InvalidValueException("to", "a walk edge must join two different nodes, both are " + from);
        }
        if (!Double.isFinite(lengthMetres) || lengthMetres <= 0) {
            throw new InvalidValueException("lengthMetres",
                    "lengthMetres must be a positive number, was " + lengthMetres);
        }
    }
}
