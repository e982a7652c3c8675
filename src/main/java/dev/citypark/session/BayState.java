package dev.citypark.session;

/** What an on-street bay reading says: a vehicle is on it, or it turned free. */
public enum BayState {
    OCCUPIED,
    FREE
}
