package dev.citypark.session;

import dev.citypark.core.DriverId;
import dev.citypark.core.Plate;
import reactor.core.publisher.Mono;

/**
 * Public API: which driver a plate is bound to. A plate is bound to at most one driver account at a time, after a
 * verification step ({@code PUT /api/v1/me/vehicles/{plate}}). Other modules (find-my-car) use it to decide whether a
 * driver may see where a vehicle is.
 */
public interface VehicleBindings {

    /** True when the plate is currently bound to this driver's account. */
    Mono<Boolean> isBound(DriverId driver, Plate plate);
}
