package dev.citypark.session.persistence;

import java.time.Instant;
import java.util.UUID;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;
import dev.citypark.session.Anomaly;
import dev.citypark.session.AnomalyKind;
import dev.citypark.session.AnomalyStore;
import dev.citypark.session.PlaceKind;
import dev.citypark.session.SessionId;
import dev.citypark.session.Vehicle;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Anomalies in table {@code session_anomaly}. */
@Component
class R2dbcAnomalyStore implements AnomalyStore {

    private static final String COLUMNS = "id, kind, operator_id, place_kind, place_id, gate_id, bay_id, plate,"
            + " plate_colour, observed_at, session_id, detail";

    private final DatabaseClient database;

    R2dbcAnomalyStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> insert(Anomaly anomaly) {
        return database.sql("INSERT INTO session_anomaly (" + COLUMNS + ") VALUES (:id, :kind, :operator,"
                        + " :placeKind, :place, :gate, :bay, :plate, :colour, :observedAt, :session, :detail)")
                .bind("id", anomaly.id())
                .bind("kind", anomaly.kind().name())
                .bind("operator", anomaly.operator().value())
                .bind("placeKind", anomaly.placeKind().name())
                .bind("place", anomaly.placeId())
                .bind("gate", Sql.optional(anomaly.gate().map(GateId::value), String.class))
                .bind("bay", Sql.optional(anomaly.bay().map(BayId::value), String.class))
                .bind("plate", anomaly.vehicle().plate().value())
                .bind("colour", anomaly.vehicle().colour().name())
                .bind("observedAt", anomaly.observedAt())
                .bind("session", Sql.optional(anomaly.session().map(SessionId::value), UUID.class))
                .bind("detail", anomaly.detail())
                .then();
    }

    @Override
    public Mono<Anomaly> findLatest(AnomalyKind kind, String placeId, Plate plate, Instant since) {
        return database.sql("SELECT " + COLUMNS + " FROM session_anomaly WHERE kind = :kind AND place_id = :place"
                        + " AND plate = :plate AND observed_at >= :since ORDER BY observed_at DESC LIMIT 1")
                .bind("kind", kind.name())
                .bind("place", placeId)
                .bind("plate", plate.value())
                .bind("since", since)
                .map(R2dbcAnomalyStore::read)
                .one();
    }

    @Override
    public Flux<Anomaly> listForOperator(OperatorId operator, int limit) {
        return database.sql("SELECT " + COLUMNS + " FROM session_anomaly WHERE operator_id = :operator"
                        + " ORDER BY created_at DESC LIMIT :limit")
                .bind("operator", operator.value())
                .bind("limit", limit)
                .map(R2dbcAnomalyStore::read)
                .all();
    }

    private static Anomaly read(Readable row) {
        return new Anomaly(row.get("id", UUID.class), AnomalyKind.valueOf(Sql.require(row, "kind")),
                OperatorId.of(Sql.require(row, "operator_id")), PlaceKind.valueOf(Sql.require(row, "place_kind")),
                Sql.require(row, "place_id"), Sql.text(row, "gate_id").map(GateId::of),
                Sql.text(row, "bay_id").map(BayId::of),
                new Vehicle(Plate.of(Sql.require(row, "plate")), PlateColour.valueOf(Sql.require(row, "plate_colour"))),
                Sql.requireInstant(row, "observed_at"),
                java.util.Optional.ofNullable(row.get("session_id", UUID.class)).map(SessionId::new),
                Sql.require(row, "detail"));
    }
}
