package dev.citypark.session.persistence;

import java.time.Instant;
import java.util.UUID;

import dev.citypark.core.Plate;
import dev.citypark.session.LocateCodeStore;
import dev.citypark.session.SessionId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Locate code hashes in table {@code locate_code} (V7), joined with the active sessions they belong to. */
@Component
class R2dbcLocateCodeStore implements LocateCodeStore {

    private final DatabaseClient database;

    R2dbcLocateCodeStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> insert(SessionId session, Plate plate, String codeHash, Instant issuedAt) {
        return database.sql("INSERT INTO locate_code (session_id, plate, code_hash, issued_at)"
                        + " VALUES (:session, :plate, :hash, :issuedAt)")
                .bind("session", session.value())
                .bind("plate", plate.value())
                .bind("hash", codeHash)
                .bind("issuedAt", issuedAt)
                .then();
    }

    @Override
    public Flux<Stored> listActive(Plate plate) {
        return database.sql("SELECT c.session_id, c.code_hash FROM locate_code c"
                        + " JOIN parking_session s ON s.id = c.session_id"
                        + " WHERE c.plate = :plate AND s.status = 'ACTIVE'")
                .bind("plate", plate.value())
                .map(row -> new Stored(new SessionId(row.get("session_id", UUID.class)),
                        row.get("code_hash", String.class)))
                .all();
    }
}
