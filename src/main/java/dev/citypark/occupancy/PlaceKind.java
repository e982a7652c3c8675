package dev.citypark.occupancy;

/** The two kinds of place that have live occupancy: an off-street lot and an on-street segment. */
public enum PlaceKind {
    LOT,
    SEGMENT
}
