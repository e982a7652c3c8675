package dev.citypark.session;

/** Where a session takes place: an off-street lot (gates) or an on-street segment (bays). */
public enum PlaceKind {
    LOT,
    SEGMENT
}
