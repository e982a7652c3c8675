package dev.citypark.session;

import java.time.Instant;
import java.util.Objects;

import dev.citypark.core.DriverId;

/**
 * A plate bound to a driver's account after a verification step; one account per plate at a time.
 *
 * @param driver             the account
 * @param vehicle            plate and colour
 * @param verifiedAt         when the binding was verified; the driver sees sessions that ended after it
 * @param verificationMethod how ownership was proven, e.g. {@code simulated-code}
 */
public record VehicleBinding(DriverId driver, Vehicle vehicle, Instant verifiedAt, String verificationMethod) {

    public VehicleBinding {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(verificationMethod, "verificationMethod");
    }
}
