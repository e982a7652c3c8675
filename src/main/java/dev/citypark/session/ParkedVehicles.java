package dev.citypark.session;

import dev.citypark.core.Plate;
import reactor.core.publisher.Mono;

/**
 * Public API: where a vehicle is parked now, from its active session. It does not check who asks: callers (find-my-car)
 * decide first that the asker may know, e.g. with {@link VehicleBindings#isBound}.
 */
public interface ParkedVehicles {

    /** The vehicle's active session (the latest entry, should misreads have left more than one); empty if none. */
    Mono<ParkedVehicle> whereIs(Plate plate);
}
