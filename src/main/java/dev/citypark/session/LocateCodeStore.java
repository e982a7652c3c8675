package dev.citypark.session;

import java.time.Instant;

import dev.citypark.core.Plate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Locate code hashes (port); table {@code locate_code}. */
public interface LocateCodeStore {

    /** Stores the hash of a new session's code, through the caller's connection (its transaction). */
    Mono<Void> insert(SessionId session, Plate plate, String codeHash, Instant issuedAt);

    /** The code hashes of the plate's active sessions. */
    Flux<Stored> listActive(Plate plate);

    /** A stored hash with the session that salts it. */
    record Stored(SessionId session, String codeHash) {
    }
}
