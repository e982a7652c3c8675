package dev.citypark.core;

/** City-unique id of a sensor. */
public record SensorId(String value) {

    public SensorId {
        Ids.requireValid("sensorId", value);
    }

    public static SensorId of(String value) {
        return new SensorId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
