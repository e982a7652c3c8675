package dev.citypark.registry;

/** What stands at a node of a garage's pedestrian walk graph. */
public enum WalkNodeKind {
    /** A lift stop on one floor; lift stops of one shaft on adjacent floors are joined by vertical edges. */
    ELEVATOR,
    /** A stair landing on one floor; landings of one stairwell on adjacent floors are joined by vertical edges. */
    STAIRS,
    /** A pay machine. */
    PAY_STATION,
    /** A structural column, usually carrying a QR code for reverse car finding. */
    PILLAR,
    /** A point on an aisle where bays are reached and aisles meet. */
    JUNCTION,
    /** A pedestrian entrance from the street. */
    ENTRANCE;

    /** Whether a walk edge may leave the floor from a node of this kind. */
    public boolean changesFloor() {
        return this == ELEVATOR || this == STAIRS;
    }
}
