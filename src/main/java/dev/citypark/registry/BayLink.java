package dev.citypark.registry;

import dev.citypark.core.BayId;
import dev.citypark.core.InvalidValueException;

/**
 * How a garage bay is reached on foot: the aisle junction nearest to it and the walk from there.
 *
 * @param bayId        the bay
 * @param nodeId       a {@link WalkNodeKind#JUNCTION} node on the bay's floor
 * @param lengthMetres geodesic distance from the junction to the bay centre, &ge; 0
 */
public record BayLink(BayId bayId, String nodeId, double lengthMetres) {

    public BayLink {
        Checks.require("bayId", bayId);
        Checks.localId("node", nodeId);
        if (!Double.isFinite(lengthMetres) || lengthMetres < 0) {
            throw new InvalidValueException("lengthMetres",
                    "lengthMetres must be a non-negative number, was " + lengthMetres);
        }
    }
}
