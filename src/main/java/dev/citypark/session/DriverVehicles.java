package dev.citypark.session;

import java.time.Clock;

import dev.citypark.billing.PaymentMethod;
import dev.citypark.core.ConflictException;
import dev.citypark.core.DriverId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.NotFoundException;
import dev.citypark.core.Plate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A driver's vehicles and autopay agreements; implements the public {@link VehicleBindings}. */
@Service
public class DriverVehicles implements VehicleBindings {

    private final BindingStore bindings;
    private final VehicleOwnership ownership;
    private final Clock clock = Clock.systemUTC();

    DriverVehicles(BindingStore bindings, VehicleOwnership ownership) {
        this.bindings = bindings;
        this.ownership = ownership;
    }

    @Override
    public Mono<Boolean> isBound(DriverId driver, Plate plate) {
        return bindings.find(plate).map(binding -> binding.driver().equals(driver)).defaultIfEmpty(false);
    }

    /**
     * Binds a plate to the driver after checking the proof; binding a plate the driver already holds refreshes it.
     *
     * @throws InvalidValueException (field {@code verificationCode}) when the proof is refused
     * @throws ConflictException     when another account holds the plate
     */
    public Mono<VehicleBinding> bind(DriverId driver, Vehicle vehicle, String verificationCode) {
        return ownership.verify(driver, vehicle, verificationCode)
                .switchIfEmpty(Mono.error(() -> new InvalidValueException("verificationCode",
                        "the verification code does not prove ownership of this plate")))
                .flatMap(method -> bindings.bind(new VehicleBinding(driver, vehicle, clock.instant(), method)))
                .switchIfEmpty(Mono.error(() -> new ConflictException(
                        "plate " + vehicle.plate().masked() + " is bound to another account")));
    }

    /** @throws NotFoundException when the driver does not hold the plate */
    public Mono<Void> unbind(DriverId driver, Plate plate) {
        return bindings.unbind(driver, plate)
                .flatMap(done -> done ? Mono.<Void>empty()
                        : Mono.error(new NotFoundException("vehicle", plate.masked())));
    }

    public Flux<VehicleBinding> list(DriverId driver) {
        return bindings.listForDriver(driver);
    }

    public Mono<AutopayBinding> findAutopay(DriverId driver, Plate plate) {
        return bindings.findAutopay(plate).filter(agreement -> agreement.driver().equals(driver));
    }

    /**
     * Binds (or replaces) the payment agreement that pays this plate's fees at exit.
     *
     * @throws NotFoundException when the driver does not hold the plate
     */
    public Mono<AutopayBinding> bindAutopay(DriverId driver, Plate plate, PaymentMethod method, String accountRef) {
        AutopayBinding agreement = new AutopayBinding(plate, driver, method, accountRef, clock.instant());
        return bindings.bindAutopay(agreement)
                .flatMap(done -> done ? Mono.just(agreement)
                        : Mono.error(new NotFoundException("vehicle", plate.masked())));
    }

    /** @throws NotFoundException when the driver has no autopay agreement for the plate */
    public Mono<Void> unbindAutopay(DriverId driver, Plate plate) {
        return bindings.unbindAutopay(driver, plate)
                .flatMap(done -> done ? Mono.<Void>empty()
                        : Mono.error(new NotFoundException("autopay agreement", plate.masked())));
    }
}
