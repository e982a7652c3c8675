package dev.citypark.core;

/** City-unique id of an operator. */
public record OperatorId(String value) {

    public OperatorId {
        Ids.requireValid("operatorId", value);
    }

    public static OperatorId of(String value) {
        return new OperatorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
