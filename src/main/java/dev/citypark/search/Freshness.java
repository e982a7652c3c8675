package dev.citypark.search;

/** How far a result's live count can be trusted. */
public enum Freshness {
    /** Confirmed recently: ranked first. */
    FRESH,
    /** Too old to trust (availability's policy): ranked after every fresh place, shown marked. */
    STALE
}
