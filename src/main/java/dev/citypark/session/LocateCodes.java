package dev.citypark.session;

import dev.citypark.core.Plate;
import reactor.core.publisher.Mono;

/**
 * Public API: the one-time locate code issued when a vehicle's session opens (returned in the entry decision as
 * {@code locateCode}, printed on the ticket or shown on the gate screen). It lets a driver without an account ask
 * where the vehicle stands (find-my-car) while that session is active. Only a salted hash is stored.
 */
public interface LocateCodes {

    /**
     * True when {@code code} is the locate code of an active session of this plate; false for anything else,
     * including codes that are not well formed (never an error, so callers answer every refusal alike).
     */
    Mono<Boolean> matches(Plate plate, String code);
}
