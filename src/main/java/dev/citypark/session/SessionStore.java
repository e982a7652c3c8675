package dev.citypark.session;

import java.time.Instant;
import java.util.List;

import dev.citypark.core.BayId;
import dev.citypark.core.DriverId;
import dev.citypark.core.OutboxMessage;
import dev.citypark.core.Plate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where sessions are kept (port; {@code session.persistence} implements it with R2DBC). The {@code lock…} reads take a
 * row lock ({@code FOR UPDATE}) and so belong inside a transaction; every method joins the caller's transaction.
 */
public interface SessionStore {

    /** The active session of a plate at a place, locked. */
    Mono<Session.Active> lockActive(String placeId, Plate plate);

    /**
     * The active session of a plate at a place, locked, with the plate's {@link Standing} (autopay agreement,
     * city-wide arrears) read in the same statement: what an exit needs, in one round trip.
     */
    Mono<Locked> lockActiveWithStanding(String placeId, Plate plate);

    /** A locked active session and its plate's standing. */
    record Locked(Session.Active session, Standing standing) {
    }

    /** The active session on an on-street bay, locked. */
    Mono<Session.Active> lockActiveOnBay(BayId bay);

    /** The latest session of a plate at a place that ended at or after {@code since}, locked. */
    Mono<Session> lockLatestEnded(String placeId, Plate plate, Instant since);

    Mono<Session> lock(SessionId id);

    Mono<Session> find(SessionId id);

    /**
     * Inserts a new active session.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the plate (or the bay) already has an active
     *                                                       session there
     */
    Mono<Void> insert(Session.Active session);

    /**
     * Opens a session unless the plate already has an active one at the place, in one statement (atomic on its own,
     * no transaction needed): the session row and, only if it was inserted, the hash of its locate code and its
     * outbox rows.
     *
     * @return true when opened; false (nothing written) when the plate has an active session there
     * @throws org.springframework.dao.DuplicateKeyException when the on-street bay already has an active session
     */
    Mono<Boolean> openIfNoneActive(Session.Active session, List<OutboxMessage> announce, String locateCodeHash);

    /** Writes a session's current state over its row. */
    Mono<Void> save(Session session);

    /**
     * Writes a session's current state over its row, inserts its bill and appends its outbox rows, in one statement
     * (inside the caller's transaction, like every method here).
     */
    Mono<Void> saveWithBill(Session session, Bill bill, List<OutboxMessage> announce);

    /** A driver's sessions: of the plates bound to them, ended after the binding or still active; newest first. */
    Flux<Session> listForDriver(DriverId driver, int limit);

    /** The plate's active sessions anywhere in the city, latest entry first. */
    Flux<Session.Active> listActive(Plate plate);

    /**
     * Marks up to {@code limit} active sessions that entered before {@code enteredBefore} as overstaying and records
     * an {@link AnomalyKind#OVERSTAY} anomaly for each, once per session.
     *
     * @return how many were flagged
     */
    Mono<Long> flagOverstays(Instant enteredBefore, int limit);
}
