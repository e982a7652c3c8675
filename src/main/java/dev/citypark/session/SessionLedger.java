package dev.citypark.session;

import dev.citypark.core.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes a transition: the session row and one outbox row per event, through the caller's connection, so they commit
 * or roll back together. Callers run it inside {@code TransactionalOperator#transactional}.
 */
@Component
class SessionLedger {

    private final SessionStore sessions;
    private final Outbox outbox;

    SessionLedger(SessionStore sessions, Outbox outbox) {
        this.sessions = sessions;
        this.outbox = outbox;
    }

    Mono<Void> open(Transition<Session.Active> opened) {
        return sessions.insert(opened.state()).then(announce(opened));
    }

    /**
     * Opens the session unless the plate already has an active one at the place, with its outbox rows and the hash
     * of its locate code, in one statement: atomic without a transaction (one round trip, one commit). Emits whether
     * it opened; when not, nothing was written.
     */
    Mono<Boolean> openAtOnce(Transition<Session.Active> opened, String locateCodeHash) {
        return Mono.defer(() -> sessions.openIfNoneActive(opened.state(),
                opened.events().stream().map(SessionEventMessages::toMessage).toList(), locateCodeHash));
    }

    Mono<Void> record(Transition<? extends Session> transition) {
        return sessions.save(transition.state()).then(announce(transition));
    }

    /** {@link #record} and the insert of the session's bill, in one statement (one round trip). */
    Mono<Void> recordWithBill(Transition<? extends Session> transition, Bill bill) {
        return Mono.defer(() -> sessions.saveWithBill(transition.state(), bill,
                transition.events().stream().map(SessionEventMessages::toMessage).toList()));
    }

    /** The transition's events as outbox rows, in order, in one statement. */
    private Mono<Void> announce(Transition<? extends Session> transition) {
        return Mono.defer(() -> outbox.appendAll(transition.events().stream()
                .map(SessionEventMessages::toMessage)
                .toList()));
    }
}
