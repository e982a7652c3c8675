package dev.citypark.session;

import dev.citypark.core.DriverId;
import reactor.core.publisher.Mono;

/**
 * The proof a driver gives that a plate is theirs before it is bound (port). A real deployment asks the traffic
 * authority (vehicle licence, 行驶证) or sends a code to the registered keeper; the embedded default accepts a
 * configured code ({@link SimulatedVehicleOwnership}).
 */
public interface VehicleOwnership {

    /** The name of the method that verified it; empty when the proof is refused. */
    Mono<String> verify(DriverId driver, Vehicle vehicle, String proof);
}
