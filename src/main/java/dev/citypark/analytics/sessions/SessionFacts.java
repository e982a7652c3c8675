package dev.citypark.analytics.sessions;

import java.time.Instant;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes session facts: a batch of events in one transaction. An event id seen before is skipped (at-least-once
 * delivery); the others merge into the session's row field by field ({@code COALESCE}), so events may arrive in any
 * order: the entry from {@code SessionOpened}, exit, duration and fee from {@code SessionClosed}, the paid amount and
 * settlement later.
 */
@Component
public class SessionFacts {

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    public SessionFacts(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    /** Records a batch; completes with the number of new (not duplicate) events when committed. */
    public Mono<Long> record(List<SessionFact> facts, Instant now) {
        if (facts.isEmpty()) {
            return Mono.just(0L);
        }
        return transactions.transactional(Flux.fromIterable(facts)
                .concatMap(fact -> db.sql("INSERT INTO analytics_session_event (event_id, received_at) "
                                + "VALUES (:id, :now) ON CONFLICT DO NOTHING")
                        .bind("id", fact.eventId())
                        .bind("now", now)
                        .fetch().rowsUpdated()
                        .flatMap(inserted -> inserted == 0 ? Mono.just(0L) : merge(fact, now).thenReturn(1L)))
                .reduce(0L, Long::sum));
    }

    private Mono<Void> merge(SessionFact f, Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO analytics_session (session_id, place_kind, "
                        + "place_id, operator_id, district_code, category, plate_hash, entry_at, exit_at, "
                        + "duration_seconds, fee_fen, paid_fen, settlement, last_event, updated_at) VALUES (:sid, :pk, "
                        + ":pid, :op, :d, :cat, :ph, :entry, :exit, :dur, :fee, :paid, :settl, :type, :now) "
                        + "ON CONFLICT (session_id) DO UPDATE SET "
                        + "entry_at = COALESCE(analytics_session.entry_at, EXCLUDED.entry_at), "
                        + "exit_at = COALESCE(EXCLUDED.exit_at, analytics_session.exit_at), "
                        + "duration_seconds = COALESCE(EXCLUDED.duration_seconds, analytics_session.duration_seconds), "
                        + "fee_fen = COALESCE(EXCLUDED.fee_fen, analytics_session.fee_fen), "
                        + "paid_fen = COALESCE(EXCLUDED.paid_fen, analytics_session.paid_fen), "
                        + "settlement = COALESCE(EXCLUDED.settlement, analytics_session.settlement), "
                        + "last_event = EXCLUDED.last_event, updated_at = EXCLUDED.updated_at")
                .bind("sid", f.sessionId())
                .bind("pk", f.placeKind() == null ? "LOT" : f.placeKind())
                .bind("pid", f.placeId())
                .bind("op", f.operatorId() == null ? "" : f.operatorId())
                .bind("d", f.districtCode() == null ? "" : f.districtCode())
                .bind("cat", f.category() == null ? "GENERAL" : f.category())
                .bind("ph", f.plateHash())
                .bind("type", f.type())
                .bind("now", now);
        spec = bindNullable(spec, "entry", f.entryAt(), Instant.class);
        spec = bindNullable(spec, "exit", f.exitAt(), Instant.class);
        spec = bindNullable(spec, "dur", f.durationSeconds(), Long.class);
        spec = bindNullable(spec, "fee", f.feeFen(), Long.class);
        spec = bindNullable(spec, "paid", f.paidFen(), Long.class);
        spec = bindNullable(spec, "settl", f.settlement(), String.class);
        return spec.then();
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec,
            String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
