package dev.citypark.findmycar;

import dev.citypark.core.BayId;
import dev.citypark.core.LotId;

/**
 * No walking route joins the start and the bay under the requested {@link Access} (for example a bay on another
 * floor of a garage whose only link between those floors is a staircase, asked for step-free).
 */
public class NoRouteException extends RuntimeException {

    private final LotId lotId;
    private final String fromNodeId;
    private final BayId bayId;
    private final Access access;

    public NoRouteException(LotId lotId, String fromNodeId, BayId bayId, Access access) {
        super("No " + (access == Access.STEP_FREE ? "step-free " : "") + "walking route in lot " + lotId + " from "
                + fromNodeId + " to bay " + bayId);
        this.lotId = lotId;
        this.fromNodeId = fromNodeId;
        this.bayId = bayId;
        this.access = access;
    }

    public LotId lotId() {
        return lotId;
    }

    public String fromNodeId() {
        return fromNodeId;
    }

    public BayId bayId() {
        return bayId;
    }

    public Access access() {
        return access;
    }
}
