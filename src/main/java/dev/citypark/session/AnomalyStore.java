package dev.citypark.session;

import java.time.Instant;

import dev.citypark.core.OperatorId;
import dev.citypark.core.Plate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Anomaly records (port). Joins the caller's transaction. */
public interface AnomalyStore {

    Mono<Void> insert(Anomaly anomaly);

    /** The latest anomaly of this kind for a plate at a place observed at or after {@code since}. */
    Mono<Anomaly> findLatest(AnomalyKind kind, String placeId, Plate plate, Instant since);

    /** An operator's anomalies, newest first. */
    Flux<Anomaly> listForOperator(OperatorId operator, int limit);
}
