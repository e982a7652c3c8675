package dev.citypark.core;

/** Id of a driver's account (the subject of a driver's token). */
public record DriverId(String value) {

    public DriverId {
        Ids.requireValid("driverId", value);
    }

    public static DriverId of(String value) {
        return new DriverId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
