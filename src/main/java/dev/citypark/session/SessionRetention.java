package dev.citypark.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Retention of personal data in the ledger: sessions {@code SETTLED} or {@code WRITTEN_OFF} longer ago than
 * {@code citypark.session.retention} (default 180 days) lose what identifies the vehicle — the plate becomes a keyed
 * pseudonym ({@link PlatePseudonyms}), the camera image reference goes — in the session, its bill and its anomalies;
 * amounts, times, places and tariffs stay for accounting. Sessions that still owe money (closed, unpaid) are kept
 * until they are settled or written off. A reactive {@code @Scheduled} pass (Spring subscribes on every trigger),
 * batch after batch, each batch one transaction that locks its rows with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances share the work and a gate or payment never waits for it. Idempotent: anonymised rows carry
 * {@code anonymised_at} and are not selected again.
 */
@Component
class SessionRetention {

    private static final Logger log = LoggerFactory.getLogger(SessionRetention.class);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final Duration retention;
    private final int batchSize;
    private final PlatePseudonyms pseudonyms;
    private final Clock clock = Clock.systemUTC();

    SessionRetention(DatabaseClient database, TransactionalOperator transactions, RetentionProperties properties,
            @Value("${citypark.session.retention:180d}") Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("citypark.session.retention must be positive");
        }
        this.database = database;
        this.transactions = transactions;
        this.retention = retention;
        this.batchSize = properties.batchSize();
        this.pseudonyms = new PlatePseudonyms(properties.plateKey());
    }

    @Scheduled(fixedDelayString = "${citypark.session.retention-job.interval:1h}",
            initialDelayString = "${citypark.session.retention-job.interval:1h}")
    Mono<Void> scheduled() {
        // Spring calls this once and re-subscribes on every trigger: read the clock at subscription
        return Mono.defer(() -> anonymiseEndedBefore(clock.instant().minus(retention), clock.instant()))
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Anonymised {} sessions settled or written off more than {} ago", n, retention);
                    }
                })
                .then()
                .onErrorResume(e -> {
                    log.warn("Session retention pass failed, will retry: {}", e.toString());
                    return Mono.empty();
                });
    }

    /** Anonymises every settled or written-off session that ended before {@code endedBefore}; emits how many. */
    Mono<Long> anonymiseEndedBefore(Instant endedBefore, Instant now) {
        return batch(endedBefore, now)
                .expand(n -> n == batchSize ? batch(endedBefore, now) : Mono.empty())
                .reduce(0L, Long::sum);
    }

    private record Row(UUID id, String plate) {
    }

    private Mono<Long> batch(Instant endedBefore, Instant now) {
        return database.sql("""
                        SELECT id, plate FROM parking_session
                        WHERE anonymised_at IS NULL AND status IN ('SETTLED', 'WRITTEN_OFF')
                          AND coalesce(settled_at, written_off_at, exit_at) < :endedBefore
                        ORDER BY coalesce(settled_at, written_off_at, exit_at)
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""")
                .bind("endedBefore", endedBefore)
                .bind("limit", batchSize)
                .map(row -> new Row(row.get("id", UUID.class), row.get("plate", String.class)))
                .all()
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(0L) : anonymise(rows, now))
                .as(transactions::transactional);
    }

    private Mono<Long> anonymise(List<Row> rows, Instant now) {
        UUID[] ids = rows.stream().map(Row::id).toArray(UUID[]::new);
        String[] replaced = rows.stream()
                .map(row -> PlatePseudonyms.isPseudonym(row.plate()) ? row.plate() : pseudonyms.pseudonym(row.plate()))
                .toArray(String[]::new);
        Mono<Long> sessions = database.sql("""
                        UPDATE parking_session s
                        SET plate = v.pseudonym, entry_image_ref = NULL, anonymised_at = :now, updated_at = :now
                        FROM unnest(:ids::uuid[], :pseudonyms::text[]) AS v(id, pseudonym)
                        WHERE s.id = v.id""")
                .bind("ids", ids)
                .bind("pseudonyms", replaced)
                .bind("now", now)
                .fetch().rowsUpdated();
        Mono<Long> bills = database.sql("""
                        UPDATE bill b SET plate = s.plate, updated_at = :now
                        FROM parking_session s WHERE b.session_id = s.id AND s.id = ANY(:ids::uuid[])""")
                .bind("ids", ids)
                .bind("now", now)
                .fetch().rowsUpdated();
        Mono<Long> anomalies = database.sql("""
                        UPDATE session_anomaly a SET plate = s.plate
                        FROM parking_session s WHERE a.session_id = s.id AND s.id = ANY(:ids::uuid[])""")
                .bind("ids", ids)
                .fetch().rowsUpdated();
        return sessions.flatMap(n -> bills.then(anomalies).thenReturn(n));
    }
}
