package dev.citypark.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import dev.citypark.core.DriverId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Accepts the configured {@code citypark.session.verification.simulated-code} as proof for any plate; refuses every
 * proof while it is empty (the production default until a real check replaces this adapter).
 */
@Component
class SimulatedVehicleOwnership implements VehicleOwnership {

    private final byte[] code;

    SimulatedVehicleOwnership(SessionProperties properties) {
        this.code = properties.verification().simulatedCode().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<String> verify(DriverId driver, Vehicle vehicle, String proof) {
        return Mono.fromSupplier(() -> code.length > 0 && proof != null
                        && MessageDigest.isEqual(code, proof.getBytes(StandardCharsets.UTF_8)))
                .filter(ok -> ok)
                .map(ok -> "simulated-code");
    }
}
