package dev.citypark.core;

/** City-unique id of a gate. */
public record GateId(String value) {

    public GateId {
        Ids.requireValid("gateId", value);
    }

    public static GateId of(String value) {
        return new GateId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
