package dev.citypark.billing;

/** Vehicle size class for pricing: {@code SMALL} (小型车, the default) or {@code LARGE} (大型车). */
public enum VehicleSize {
    SMALL,
    LARGE
}
