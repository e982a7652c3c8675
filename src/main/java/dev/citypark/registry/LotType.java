package dev.citypark.registry;

/** The built form of an off-street car park. */
public enum LotType {
    SURFACE,
    MULTI_STOREY,
    UNDERGROUND
}
