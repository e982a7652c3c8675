package dev.citypark.session.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.billing.TariffId;
import dev.citypark.core.BayId;
import dev.citypark.core.DistrictCode;
import dev.citypark.core.DriverId;
import dev.citypark.core.GateId;
import dev.citypark.core.Money;
import dev.citypark.core.OperatorId;
import dev.citypark.core.OutboxMessage;
import dev.citypark.core.OutboxStatements;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.session.Bill;
import dev.citypark.session.Evidence;
import dev.citypark.session.Exit;
import dev.citypark.session.Fee;
import dev.citypark.session.Place;
import dev.citypark.session.PlaceKind;
import dev.citypark.session.Session;
import dev.citypark.session.SessionId;
import dev.citypark.session.SessionStatus;
import dev.citypark.session.SessionStore;
import dev.citypark.session.Settlement;
import dev.citypark.session.Stay;
import dev.citypark.session.Vehicle;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Sessions in table {@code parking_session}, one row per session, written over on each transition. */
@Component
class R2dbcSessionStore implements SessionStore {

    private static final String[] COLUMN_NAMES = {"id", "status", "place_kind", "place_id", "operator_id",
            "district_code", "tariff_id", "plate", "plate_colour", "category", "entry_gate_id", "bay_id", "entry_at",
            "entry_confidence", "entry_image_ref", "exit_gate_id", "exit_at", "fee_fen", "tariff_version",
            "breakdown", "awaiting", "settlement", "paid_fen", "deferred_at", "settled_at", "written_off_at",
            "write_off_reason"};

    static final String COLUMNS = columns("");

    private final DatabaseClient database;

    R2dbcSessionStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Session.Active> lockActive(String placeId, Plate plate) {
        return database.sql("SELECT " + COLUMNS + " FROM parking_session"
                        + " WHERE place_id = :place AND plate = :plate AND status = 'ACTIVE' FOR UPDATE")
                .bind("place", placeId)
                .bind("plate", plate.value())
                .map(R2dbcSessionStore::read)
                .one()
                .cast(Session.Active.class);
    }

    @Override
    public Mono<Locked> lockActiveWithStanding(String placeId, Plate plate) {
        // one round trip instead of two: the lock, and the standing read laterally for the locked row's plate
        return database.sql("SELECT " + columns("s.") + ", st.* FROM parking_session s"
                        + " CROSS JOIN LATERAL (SELECT " + R2dbcBillStore.standingQuery("s.plate") + ") st"
                        + " WHERE s.place_id = :place AND s.plate = :plate AND s.status = 'ACTIVE' FOR UPDATE OF s")
                .bind("place", placeId)
                .bind("plate", plate.value())
                .map(row -> new Locked((Session.Active) read(row), R2dbcBillStore.readStanding(row, plate)))
                .one();
    }

    @Override
    public Mono<Session.Active> lockActiveOnBay(BayId bay) {
        return database.sql("SELECT " + COLUMNS + " FROM parking_session"
                        + " WHERE bay_id = :bay AND status = 'ACTIVE' AND place_kind = 'SEGMENT' FOR UPDATE")
                .bind("bay", bay.value())
                .map(R2dbcSessionStore::read)
                .one()
                .cast(Session.Active.class);
    }

    @Override
    public Mono<Session> lockLatestEnded(String placeId, Plate plate, Instant since) {
        return database.sql("SELECT " + COLUMNS + " FROM parking_session"
                        + " WHERE place_id = :place AND plate = :plate AND exit_at >= :since"
                        + " ORDER BY exit_at DESC LIMIT 1 FOR UPDATE")
                .bind("place", placeId)
                .bind("plate", plate.value())
                .bind("since", since)
                .map(R2dbcSessionStore::read)
                .one();
    }

    @Override
    public Mono<Session> lock(SessionId id) {
        return database.sql("SELECT " + COLUMNS + " FROM parking_session WHERE id = :id FOR UPDATE")
                .bind("id", id.value())
                .map(R2dbcSessionStore::read)
                .one();
    }

    @Override
    public Mono<Session> find(SessionId id) {
        return database.sql("SELECT " + COLUMNS + " FROM parking_session WHERE id = :id")
                .bind("id", id.value())
                .map(R2dbcSessionStore::read)
                .one();
    }

    @Override
    public Mono<Void> insert(Session.Active session) {
        return bindSession(database.sql(INSERT_SESSION), session).then();
    }

    private static final String INSERT_SESSION = "INSERT INTO parking_session (id, status, place_kind, place_id,"
            + " operator_id, district_code, tariff_id, plate, plate_colour, category, entry_gate_id, bay_id, entry_at,"
            + " entry_confidence, entry_image_ref) VALUES (:id, 'ACTIVE', :placeKind, :placeId,"
            + " :operator, :district, :tariff, :plate, :colour, :category, :gate, :bay, :entryAt,"
            + " :confidence, :imageRef)";

    @Override
    public Mono<Boolean> openIfNoneActive(Session.Active session, List<OutboxMessage> announce, String codeHash) {
        // one statement, atomic on its own: the session row, then (only if it was inserted) the locate code's hash
        // and the outbox rows, which read the inserted row from CTE s
        String sql = "WITH s AS (" + INSERT_SESSION + " ON CONFLICT (place_id, plate) WHERE status = 'ACTIVE'"
                + " DO NOTHING RETURNING id, plate, entry_at),"
                + " c AS (INSERT INTO locate_code (session_id, plate, code_hash, issued_at)"
                + " SELECT id, plate, :codeHash, entry_at FROM s)"
                + (announce.isEmpty() ? "" : ", o AS (" + OutboxStatements.insertFor("s", announce.size(), "o") + ")")
                + " SELECT count(*) AS opened FROM s";
        DatabaseClient.GenericExecuteSpec statement = bindSession(database.sql(sql), session)
                .bind("codeHash", codeHash);
        return OutboxStatements.bind(statement, announce, "o")
                .map(row -> Sql.requireLong(row, "opened") == 1)
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec bindSession(DatabaseClient.GenericExecuteSpec statement,
            Session.Active session) {
        Stay stay = session.stay();
        return statement
                .bind("id", stay.id().value())
                .bind("placeKind", stay.place().kind().name())
                .bind("placeId", stay.place().id())
                .bind("operator", stay.place().operator().value())
                .bind("district", stay.place().district().value())
                .bind("tariff", stay.place().tariff().value())
                .bind("plate", stay.vehicle().plate().value())
                .bind("colour", stay.vehicle().colour().name())
                .bind("category", stay.category().name())
                .bind("gate", Sql.optional(stay.entryGate().map(GateId::value), String.class))
                .bind("bay", Sql.optional(stay.bay().map(BayId::value), String.class))
                .bind("entryAt", stay.entryAt())
                .bind("confidence", stay.evidence().confidence())
                .bind("imageRef", Sql.optional(stay.evidence().imageRef(), String.class));
    }

    private static final String UPDATE_SESSION = "UPDATE parking_session SET status = :status,"
            + " category = :category, bay_id = :bay, exit_gate_id = :exitGate, exit_at = :exitAt, fee_fen = :fee,"
            + " tariff_version = :tariffVersion, breakdown = CAST(:breakdown AS json), awaiting = :awaiting,"
            + " settlement = :settlement, paid_fen = :paid, deferred_at = COALESCE(:deferredAt, deferred_at),"
            + " settled_at = :settledAt, written_off_at = :writtenOffAt, write_off_reason = :reason,"
            + " updated_at = now() WHERE id = :id";

    @Override
    public Mono<Void> save(Session session) {
        return bindSave(database.sql(UPDATE_SESSION), session)
                .fetch()
                .rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("session " + session.id() + " does not exist")));
    }

    @Override
    public Mono<Void> saveWithBill(Session session, Bill bill, List<OutboxMessage> announce) {
        // one statement: the session row, then (only if it was updated) its bill and its outbox rows
        String sql = "WITH s AS (" + UPDATE_SESSION + " RETURNING id),"
                + " b AS (" + R2dbcBillStore.insertFor("s", "b") + ")"
                + (announce.isEmpty() ? "" : ", o AS (" + OutboxStatements.insertFor("s", announce.size(), "o") + ")")
                + " SELECT count(*) AS saved FROM s";
        DatabaseClient.GenericExecuteSpec statement = R2dbcBillStore.bindInsert(bindSave(database.sql(sql), session),
                bill, "b");
        return OutboxStatements.bind(statement, announce, "o")
                .map(row -> Sql.requireLong(row, "saved"))
                .one()
                .flatMap(n -> n == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("session " + session.id() + " does not exist")));
    }

    private static DatabaseClient.GenericExecuteSpec bindSave(DatabaseClient.GenericExecuteSpec statement,
            Session session) {
        Row row = Row.of(session);
        return statement
                .bind("id", session.id().value())
                .bind("status", session.status().name())
                .bind("category", session.stay().category().name())
                .bind("bay", Sql.optional(session.stay().bay().map(BayId::value), String.class))
                .bind("exitGate", Sql.optional(row.exit().flatMap(Exit::gate).map(GateId::value), String.class))
                .bind("exitAt", Sql.optional(row.exit().map(Exit::at), Instant.class))
                .bind("fee", Sql.optional(row.fee().map(fee -> fee.amount().fen()), Long.class))
                .bind("tariffVersion", Sql.optional(row.fee().map(Fee::tariffVersion), LocalDate.class))
                .bind("breakdown", Sql.optional(row.fee().map(fee -> BreakdownJson.write(fee.breakdown())),
                        String.class))
                .bind("awaiting", Sql.optional(row.awaiting().map(Enum::name), String.class))
                .bind("settlement", Sql.optional(row.settlement().map(Enum::name), String.class))
                .bind("paid", Sql.optional(row.paid().map(Money::fen), Long.class))
                .bind("deferredAt", Sql.optional(row.deferredAt(), Instant.class))
                .bind("settledAt", Sql.optional(row.settledAt(), Instant.class))
                .bind("writtenOffAt", Sql.optional(row.writtenOffAt(), Instant.class))
                .bind("reason", Sql.optional(row.reason(), String.class));
    }

    @Override
    public Flux<Session> listForDriver(DriverId driver, int limit) {
        return database.sql("SELECT " + prefixed("s") + " FROM parking_session s"
                        + " JOIN vehicle_binding b ON b.plate = s.plate"
                        + " WHERE b.driver_id = :driver AND (s.exit_at IS NULL OR s.exit_at >= b.verified_at)"
                        + " ORDER BY s.entry_at DESC LIMIT :limit")
                .bind("driver", driver.value())
                .bind("limit", limit)
                .map(R2dbcSessionStore::read)
                .all();
    }

    @Override
    public Flux<Session.Active> listActive(Plate plate) {
        return database.sql("SELECT " + COLUMNS + " FROM parking_session"
                        + " WHERE plate = :plate AND status = 'ACTIVE' ORDER BY entry_at DESC")
                .bind("plate", plate.value())
                .map(R2dbcSessionStore::read)
                .all()
                .cast(Session.Active.class);
    }

    @Override
    public Mono<Long> flagOverstays(Instant enteredBefore, int limit) {
        return database.sql("WITH flagged AS ("
                        + " UPDATE parking_session SET overstay_flagged_at = now() WHERE id IN ("
                        + "  SELECT id FROM parking_session WHERE status = 'ACTIVE' AND overstay_flagged_at IS NULL"
                        + "  AND entry_at < :before ORDER BY entry_at LIMIT :limit FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id, operator_id, place_kind, place_id, entry_gate_id, bay_id, plate,"
                        + " plate_colour, entry_at)"
                        + " INSERT INTO session_anomaly (id, kind, operator_id, place_kind, place_id, gate_id, bay_id,"
                        + " plate, plate_colour, observed_at, session_id, detail)"
                        + " SELECT gen_random_uuid(), 'OVERSTAY', operator_id, place_kind, place_id, entry_gate_id,"
                        + " bay_id, plate, plate_colour, entry_at, id,"
                        + " 'active since ' || to_char(entry_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')"
                        + " || ' (Asia/Shanghai), longer than the overstay limit'"
                        + " FROM flagged ON CONFLICT DO NOTHING")
                .bind("before", enteredBefore)
                .bind("limit", limit)
                .fetch()
                .rowsUpdated();
    }

    private static String prefixed(String alias) {
        return columns(alias + ".");
    }

    /** The select list; the json column is read as text. */
    private static String columns(String prefix) {
        StringBuilder list = new StringBuilder();
        for (String name : COLUMN_NAMES) {
            if (!list.isEmpty()) {
                list.append(", ");
            }
            list.append(prefix).append(name);
            if (name.equals("breakdown")) {
                list.append("::text AS breakdown");
            }
        }
        return list.toString();
    }

    static Session read(Readable row) {
        Place place = new Place(PlaceKind.valueOf(Sql.require(row, "place_kind")), Sql.require(row, "place_id"),
                OperatorId.of(Sql.require(row, "operator_id")), DistrictCode.of(Sql.require(row, "district_code")),
                TariffId.of(Sql.require(row, "tariff_id")));
        Vehicle vehicle = new Vehicle(Plate.of(Sql.require(row, "plate")),
                PlateColour.valueOf(Sql.require(row, "plate_colour")));
        Double confidence = row.get("entry_confidence", Double.class);
        Stay stay = new Stay(new SessionId(row.get("id", UUID.class)), place, vehicle,
                SpaceCategory.valueOf(Sql.require(row, "category")),
                Sql.text(row, "entry_gate_id").map(GateId::of), Sql.text(row, "bay_id").map(BayId::of),
                Sql.requireInstant(row, "entry_at"),
                new Evidence(confidence == null ? 1.0 : confidence, Sql.text(row, "entry_image_ref")));
        SessionStatus status = SessionStatus.valueOf(Sql.require(row, "status"));
        if (status == SessionStatus.ACTIVE) {
            return new Session.Active(stay);
        }
        Exit exit = new Exit(Sql.requireInstant(row, "exit_at"), Sql.text(row, "exit_gate_id").map(GateId::of));
        Fee fee = new Fee(Money.ofFen(Sql.requireLong(row, "fee_fen")), place.tariff(),
                row.get("tariff_version", LocalDate.class), BreakdownJson.read(row.get("breakdown", String.class)));
        Optional<Settlement> settlement = Sql.text(row, "settlement").map(Settlement::valueOf);
        return switch (status) {
            case CLOSED -> new Session.Closed(stay, exit, fee, Sql.text(row, "awaiting").map(Settlement::valueOf));
            case UNPAID -> new Session.Unpaid(stay, exit, fee, Sql.requireInstant(row, "deferred_at"));
            case SETTLED -> new Session.Settled(stay, exit, fee, Money.ofFen(Sql.requireLong(row, "paid_fen")),
                    settlement, Sql.requireInstant(row, "settled_at"));
            case WRITTEN_OFF -> new Session.WrittenOff(stay, exit, fee, Sql.requireInstant(row, "written_off_at"),
                    Sql.text(row, "write_off_reason").orElse(""));
            case ACTIVE -> throw new IllegalStateException("unreachable");
        };
    }

    /** The state-dependent columns of a session. */
    private record Row(Optional<Exit> exit, Optional<Fee> fee, Optional<Settlement> awaiting,
                       Optional<Settlement> settlement, Optional<Money> paid, Optional<Instant> deferredAt,
                       Optional<Instant> settledAt, Optional<Instant> writtenOffAt, Optional<String> reason) {

        static Row of(Session session) {
            if (session instanceof Session.Closed closed) {
                return new Row(Optional.of(closed.exit()), Optional.of(closed.fee()), closed.awaiting(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty());
            }
            if (session instanceof Session.Unpaid unpaid) {
                return new Row(Optional.of(unpaid.exit()), Optional.of(unpaid.fee()), Optional.empty(),
                        Optional.of(Settlement.DEFERRED), Optional.empty(), Optional.of(unpaid.deferredAt()),
                        Optional.empty(), Optional.empty(), Optional.empty());
            }
            if (session instanceof Session.Settled settled) {
                return new Row(Optional.of(settled.exit()), Optional.of(settled.fee()), Optional.empty(),
                        settled.settlement(), Optional.of(settled.paid()), Optional.empty(),
                        Optional.of(settled.settledAt()), Optional.empty(), Optional.empty());
            }
            if (session instanceof Session.WrittenOff off) {
                return new Row(Optional.of(off.exit()), Optional.of(off.fee()), Optional.empty(),
                        Optional.of(Settlement.DEFERRED), Optional.of(Money.ZERO), Optional.empty(),
                        Optional.empty(), Optional.of(off.writtenOffAt()), Optional.of(off.reason()));
            }
            return new Row(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
