package dev.citypark.core;

/** City-unique id of a lot. */
public record LotId(String value) {

    public LotId {
        Ids.requireValid("lotId", value);
    }

    public static LotId of(String value) {
        return new LotId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
