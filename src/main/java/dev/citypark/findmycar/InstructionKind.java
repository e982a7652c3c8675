package dev.citypark.findmycar;

/** What a turn-by-turn instruction asks the driver to do. */
public enum InstructionKind {
    /** Where the walk starts. */
    START,
    /** Walk straight on (possibly along a named aisle). */
    WALK,
    TURN_LEFT,
    TURN_RIGHT,
    /** Turn back the way you came. */
    TURN_AROUND,
    /** Ride an elevator to another floor. */
    ELEVATOR,
    /** Take the stairs to another floor. */
    STAIRS,
    /** The bay is here, on this side. */
    ARRIVE
}
