package dev.citypark.search;

/** What a search result is: a lot, a street segment, or one sensed on-street bay. */
public enum PlaceKind {
    /** An off-street lot or garage, counted as a whole. */
    LOT,
    /** A street segment whose bays are counted together (no per-bay sensors). */
    SEGMENT,
    /** One on-street bay of a segment whose bays are sensed individually. */
    BAY;

    public ParkingKind parkingKind() {
        return this == LOT ? ParkingKind.OFF_STREET : ParkingKind.ON_STREET;
    }
}
