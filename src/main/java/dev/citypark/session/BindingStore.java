package dev.citypark.session;

import dev.citypark.core.DriverId;
import dev.citypark.core.Plate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Vehicle and autopay bindings (port). */
public interface BindingStore {

    Mono<VehicleBinding> find(Plate plate);

    /**
     * Binds a plate to a driver, or refreshes the driver's own binding.
     *
     * @return the binding now stored; empty when another driver holds the plate
     */
    Mono<VehicleBinding> bind(VehicleBinding binding);

    /** @return true when the driver had the plate bound */
    Mono<Boolean> unbind(DriverId driver, Plate plate);

    Flux<VehicleBinding> listForDriver(DriverId driver);

    /** Binds or replaces the plate's autopay agreement; the plate must be bound to the same driver. */
    Mono<Boolean> bindAutopay(AutopayBinding binding);

    Mono<Boolean> unbindAutopay(DriverId driver, Plate plate);

    Mono<AutopayBinding> findAutopay(Plate plate);
}
