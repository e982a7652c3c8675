package dev.citypark.core;

/** City-unique id of a bay. */
public record BayId(String value) {

    public BayId {
        Ids.requireValid("bayId", value);
    }

    public static BayId of(String value) {
        return new BayId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
