package dev.citypark.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.citypark.core.GateId;

/**
 * How a session ended: when the vehicle left, and through which gate (empty on-street, where the bay turned free).
 */
public record Exit(Instant at, Optional<GateId> gate) {

    public Exit {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(gate, "gate");
    }
}
