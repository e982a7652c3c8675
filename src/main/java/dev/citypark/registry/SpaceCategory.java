package dev.citypark.registry;

/** What a parking space is for. A bay has exactly one category; a lot counts its spaces per category. */
public enum SpaceCategory {
    /** Any car. */
    GENERAL,
    /** A bay with a charging point. */
    EV_CHARGING,
    /** Reserved for drivers with a disability permit. */
    DISABLED,
    /** Large vehicles (vans, minibuses). */
    LARGE,
    /** Reserved for new-energy vehicles (green plates), without a charger. */
    NEV
}
