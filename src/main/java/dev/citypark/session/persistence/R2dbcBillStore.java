package dev.citypark.session.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.billing.PaymentMethod;
import dev.citypark.core.DriverId;
import dev.citypark.core.Money;
import dev.citypark.core.OperatorId;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;
import dev.citypark.session.Arrears;
import dev.citypark.session.AutopayBinding;
import dev.citypark.session.Standing;
import dev.citypark.session.Bill;
import dev.citypark.session.BillStatus;
import dev.citypark.session.BillStore;
import dev.citypark.session.Payment;
import dev.citypark.session.PaymentChannel;
import dev.citypark.session.PaymentStatus;
import dev.citypark.session.SessionId;
import dev.citypark.session.Vehicle;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bills in table {@code bill}, payments in {@code payment}. */
@Component
class R2dbcBillStore implements BillStore {

    private static final String BILL_COLUMNS = "b.id, b.session_id, b.plate, b.operator_id, b.place_id,"
            + " b.amount_fen, b.status, b.issued_at, b.paid_at, s.plate_colour";
    private static final String BILL_FROM = " FROM bill b JOIN parking_session s ON s.id = b.session_id";
    private static final String PAYMENT_COLUMNS = "id, bill_id, scope, idempotency_key, request_hash, channel,"
            + " driver_id, amount_fen, method, provider, provider_ref, status, failure_reason, created_at,"
            + " completed_at";

    private final DatabaseClient database;

    R2dbcBillStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> insert(Bill bill) {
        return bindInsert(database.sql("INSERT INTO bill (id, session_id, plate, operator_id, place_id, amount_fen,"
                        + " status, issued_at, paid_at) VALUES (:id, :session, :plate, :operator, :place, :amount,"
                        + " :status, :issuedAt, :paidAt)"), bill, "")
                .bind("session", bill.session().value())
                .then();
    }

    /**
     * The bill's INSERT as part of a larger statement: one row for the row of {@code from} (a CTE holding the
     * session's {@code id}; no row there, no bill). Parameters are named {@code <prefix><field>}: see
     * {@link #bindInsert}.
     */
    static String insertFor(String from, String prefix) {
        return "INSERT INTO bill (id, session_id, plate, operator_id, place_id, amount_fen, status, issued_at, paid_at)"
                + " SELECT :" + prefix + "id, " + from + ".id, :" + prefix + "plate, :" + prefix + "operator, :"
                + prefix + "place, :" + prefix + "amount, :" + prefix + "status, CAST(:" + prefix
                + "issuedAt AS timestamptz), CAST(:" + prefix + "paidAt AS timestamptz) FROM " + from;
    }

    /** Binds the bill's fields but its session (named {@code <prefix>id, <prefix>plate, ...}). */
    static DatabaseClient.GenericExecuteSpec bindInsert(DatabaseClient.GenericExecuteSpec statement, Bill bill,
            String prefix) {
        return statement.bind(prefix + "id", bill.id())
                .bind(prefix + "plate", bill.vehicle().plate().value())
                .bind(prefix + "operator", bill.operator().value())
                .bind(prefix + "place", bill.place())
                .bind(prefix + "amount", bill.amount().fen())
                .bind(prefix + "status", bill.status().name())
                .bind(prefix + "issuedAt", bill.issuedAt())
                .bind(prefix + "paidAt", Sql.optional(bill.paidAt(), Instant.class));
    }

    @Override
    public Mono<Bill> find(UUID billId) {
        return database.sql("SELECT " + BILL_COLUMNS + BILL_FROM + " WHERE b.id = :id")
                .bind("id", billId)
                .map(R2dbcBillStore::readBill)
                .one();
    }

    @Override
    public Mono<Bill> lock(UUID billId) {
        return database.sql("SELECT " + BILL_COLUMNS + BILL_FROM + " WHERE b.id = :id FOR UPDATE OF b")
                .bind("id", billId)
                .map(R2dbcBillStore::readBill)
                .one();
    }

    @Override
    public Mono<Bill> findBySession(SessionId session) {
        return database.sql("SELECT " + BILL_COLUMNS + BILL_FROM + " WHERE b.session_id = :session")
                .bind("session", session.value())
                .map(R2dbcBillStore::readBill)
                .one();
    }

    @Override
    public Mono<Void> save(Bill bill) {
        return database.sql("UPDATE bill SET status = :status, paid_at = :paidAt,"
                        + " written_off_at = CASE WHEN :status = 'WRITTEN_OFF' THEN now() ELSE written_off_at END,"
                        + " updated_at = now() WHERE id = :id")
                .bind("id", bill.id())
                .bind("status", bill.status().name())
                .bind("paidAt", Sql.optional(bill.paidAt(), Instant.class))
                .then();
    }

    @Override
    public Mono<Arrears> arrears(Plate plate, Optional<UUID> except) {
        return database.sql("SELECT count(*) AS n, COALESCE(sum(amount_fen), 0) AS total, min(issued_at) AS oldest"
                        + " FROM bill WHERE plate = :plate AND status = 'UNPAID'"
                        + " AND (CAST(:except AS uuid) IS NULL OR id <> :except)")
                .bind("plate", plate.value())
                .bind("except", Sql.optional(except, UUID.class))
                .map(row -> new Arrears(Sql.requireLong(row, "n"),
                        Money.ofFen(row.get("total", java.math.BigDecimal.class).longValueExact()),
                        Sql.instant(row, "oldest")))
                .one();
    }

    @Override
    public Mono<Standing> standing(Plate plate) {
        return database.sql("SELECT " + standingQuery(":plate"))
                .bind("plate", plate.value())
                .map(row -> readStanding(row, plate))
                .one();
    }

    /**
     * The columns and FROM of the one-row standing read of the plate given by SQL expression {@code plate}
     * (a parameter, or a column of a table joined laterally): {@code driver_id, method, account_ref, bound_at} of its
     * autopay agreement (null without one), {@code n, total, oldest} of its unpaid bills.
     */
    static String standingQuery(String plate) {
        return "a.driver_id, a.method, a.account_ref, a.bound_at, u.n, u.total, u.oldest FROM"
                + " (SELECT count(*) AS n, COALESCE(sum(amount_fen), 0) AS total, min(issued_at) AS oldest"
                + "  FROM bill WHERE plate = " + plate + " AND status = 'UNPAID') u"
                + " LEFT JOIN autopay_binding a ON a.plate = " + plate;
    }

    static Standing readStanding(Readable row, Plate plate) {
        Arrears arrears = new Arrears(Sql.requireLong(row, "n"),
                Money.ofFen(row.get("total", java.math.BigDecimal.class).longValueExact()),
                Sql.instant(row, "oldest"));
        Optional<AutopayBinding> autopay = Sql.text(row, "driver_id").map(driver -> new AutopayBinding(
                plate, DriverId.of(driver), PaymentMethod.valueOf(Sql.require(row, "method")),
                Sql.require(row, "account_ref"), Sql.requireInstant(row, "bound_at")));
        return new Standing(autopay, arrears);
    }

    @Override
    public Flux<Bill> listForDriver(DriverId driver, Optional<BillStatus> status, int limit) {
        return database.sql("SELECT " + BILL_COLUMNS + BILL_FROM + " JOIN vehicle_binding v ON v.plate = b.plate"
                        + " WHERE v.driver_id = :driver AND (b.status = 'UNPAID' OR b.issued_at >= v.verified_at)"
                        + " AND (CAST(:status AS text) IS NULL OR b.status = :status)"
                        + " ORDER BY b.issued_at DESC LIMIT :limit")
                .bind("driver", driver.value())
                .bind("status", Sql.optional(status.map(Enum::name), String.class))
                .bind("limit", limit)
                .map(R2dbcBillStore::readBill)
                .all();
    }

    @Override
    public Mono<Boolean> insertPaymentIfAbsent(Payment payment) {
        return database.sql("INSERT INTO payment (id, bill_id, scope, idempotency_key, request_hash, channel,"
                        + " driver_id, amount_fen, method, provider, provider_ref, status, failure_reason, created_at,"
                        + " completed_at) VALUES (:id, :bill, :scope, :key, :hash, :channel, :driver, :amount,"
                        + " :method, :provider, :ref, :status, :reason, :createdAt, :completedAt)"
                        + " ON CONFLICT ON CONSTRAINT payment_idempotency DO NOTHING")
                .bind("id", payment.id())
                .bind("bill", payment.bill())
                .bind("scope", payment.scope())
                .bind("key", payment.idempotencyKey())
                .bind("hash", payment.requestHash())
                .bind("channel", payment.channel().name())
                .bind("driver", Sql.optional(payment.driver().map(DriverId::value), String.class))
                .bind("amount", payment.amount().fen())
                .bind("method", payment.method().name())
                .bind("provider", payment.provider())
                .bind("ref", Sql.optional(payment.providerRef(), String.class))
                .bind("status", payment.status().name())
                .bind("reason", Sql.optional(payment.failureReason(), String.class))
                .bind("createdAt", payment.createdAt())
                .bind("completedAt", Sql.optional(payment.completedAt(), Instant.class))
                .fetch()
                .rowsUpdated()
                .map(n -> n == 1);
    }

    @Override
    public Mono<Payment> findPayment(String scope, String idempotencyKey) {
        return database.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE scope = :scope AND idempotency_key = :key")
                .bind("scope", scope)
                .bind("key", idempotencyKey)
                .map(R2dbcBillStore::readPayment)
                .one();
    }

    @Override
    public Mono<Payment> lockPayment(UUID paymentId) {
        return database.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE id = :id FOR UPDATE")
                .bind("id", paymentId)
                .map(R2dbcBillStore::readPayment)
                .one();
    }

    @Override
    public Mono<Void> savePayment(Payment payment) {
        return database.sql("UPDATE payment SET status = :status, provider_ref = :ref, failure_reason = :reason,"
                        + " completed_at = :completedAt WHERE id = :id")
                .bind("id", payment.id())
                .bind("status", payment.status().name())
                .bind("ref", Sql.optional(payment.providerRef(), String.class))
                .bind("reason", Sql.optional(payment.failureReason(), String.class))
                .bind("completedAt", Sql.optional(payment.completedAt(), Instant.class))
                .then();
    }

    @Override
    public Flux<Payment> expirePending(Instant createdBefore, int limit) {
        return database.sql("UPDATE payment SET status = 'EXPIRED', completed_at = now(),"
                        + " failure_reason = 'no answer from the provider in time' WHERE id IN ("
                        + " SELECT id FROM payment WHERE status = 'PENDING' AND created_at < :before"
                        + " ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING " + PAYMENT_COLUMNS)
                .bind("before", createdBefore)
                .bind("limit", limit)
                .map(R2dbcBillStore::readPayment)
                .all();
    }

    @Override
    public Flux<Payment> listPayments(UUID billId) {
        return database.sql("SELECT " + PAYMENT_COLUMNS + " FROM payment WHERE bill_id = :bill ORDER BY created_at")
                .bind("bill", billId)
                .map(R2dbcBillStore::readPayment)
                .all();
    }

    private static Bill readBill(Readable row) {
        return new Bill(row.get("id", UUID.class), new SessionId(row.get("session_id", UUID.class)),
                Sql.require(row, "place_id"), OperatorId.of(Sql.require(row, "operator_id")),
                new Vehicle(Plate.of(Sql.require(row, "plate")), PlateColour.valueOf(Sql.require(row, "plate_colour"))),
                Money.ofFen(Sql.requireLong(row, "amount_fen")), BillStatus.valueOf(Sql.require(row, "status")),
                Sql.requireInstant(row, "issued_at"), Sql.instant(row, "paid_at"));
    }

    private static Payment readPayment(Readable row) {
        return new Payment(row.get("id", UUID.class), row.get("bill_id", UUID.class), Sql.require(row, "scope"),
                Sql.require(row, "idempotency_key"), Sql.require(row, "request_hash"),
                PaymentChannel.valueOf(Sql.require(row, "channel")), Sql.text(row, "driver_id").map(DriverId::of),
                Money.ofFen(Sql.requireLong(row, "amount_fen")), PaymentMethod.valueOf(Sql.require(row, "method")),
                Sql.require(row, "provider"), Sql.text(row, "provider_ref"),
                PaymentStatus.valueOf(Sql.require(row, "status")), Sql.text(row, "failure_reason"),
                Sql.requireInstant(row, "created_at"), Sql.instant(row, "completed_at"));
    }
}
