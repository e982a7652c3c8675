package dev.citypark.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.billing.PaymentMethod;
import dev.citypark.core.DriverId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;
import dev.citypark.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

import static dev.citypark.session.CityFixtures.at;
import static dev.citypark.session.CityFixtures.freshPlate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The full life of a session on each settlement path, through the application services on the real database: every
 * transition leaves its row and its outbox events.
 */
@CityparkIntegrationTest
class SessionLifecycleIntegrationTest {

    @Autowired
    GateDecisions gates;

    @Autowired
    DriverVehicles accounts;

    @Autowired
    BillPayments payments;

    @Autowired
    Registry registry;

    @Autowired
    OverstayWatch overstays;

    @Autowired
    DatabaseClient database;

    @Autowired
    WebTestClient web;

    CityFixtures.GatedLot lot;
    String plate;

    @BeforeEach
    void setUp() {
        lot = CityFixtures.lot(registry, "QD-T1-CORE");
        plate = freshPlate();
    }

    @Test
    void defersTheFeeOfAPlateWithoutAutopay() {
        GateDecision entered = gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision left = gates.handle(lot.operator(), exit(at("2025-03-03T11:00"))).block();

        assertThat(entered.verdict()).isEqualTo(Verdict.OPEN);
        assertThat(entered.created()).isTrue();
        assertThat(left.verdict()).isEqualTo(Verdict.OPEN);
        assertThat(left.session()).isEqualTo(entered.session());
        assertThat(left.settlement()).contains(Settlement.DEFERRED);
        assertThat(left.fee().orElseThrow().amount()).isEqualTo(Money.ofYuan(8));
        assertThat(left.bill()).isPresent();
        assertThat(sessionRow(entered.session().orElseThrow())).containsEntry("status", "UNPAID")
                .containsEntry("fee_fen", 800L).containsEntry("settlement", "DEFERRED");
        assertThat(billStatus(left.bill().orElseThrow())).isEqualTo("UNPAID");
        assertThat(outboxTypes(entered.session().orElseThrow()))
                .containsExactly("SessionOpened", "SessionClosed", "SessionDeferred");
    }

    @Test
    void mergesADuplicateEntryReadIntoOneSession() {
        GateDecision first = gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision second = gates.handle(lot.operator(), entry(at("2025-03-03T09:01:30"))).block();

        assertThat(second.session()).isEqualTo(first.session());
        assertThat(second.created()).isFalse();
        assertThat(count("SELECT count(*) FROM parking_session WHERE plate = :plate")).isEqualTo(1);
        assertThat(outboxTypes(first.session().orElseThrow())).containsExactly("SessionOpened");
    }

    @Test
    void settlesAFreeStayAtOnce() {
        GateDecision entered = gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision left = gates.handle(lot.operator(), exit(at("2025-03-03T09:20"))).block();

        assertThat(left.verdict()).isEqualTo(Verdict.OPEN);
        assertThat(left.status()).contains(SessionStatus.SETTLED);
        assertThat(left.fee().orElseThrow().isZero()).isTrue();
        assertThat(left.settlement()).isEmpty();
        assertThat(left.bill()).isEmpty();
        assertThat(outboxTypes(entered.session().orElseThrow()))
                .containsExactly("SessionOpened", "SessionClosed", "SessionSettled");
    }

    @Test
    void chargesAutopayAndSettlesAtTheGate() {
        DriverId driver = bindWithAutopay("sim-ok-" + UUID.randomUUID());
        GateDecision entered = gates.handle(lot.operator(), entry(at("2025-03-03T20:00"))).block();
        GateDecision left = gates.handle(lot.operator(), exit(at("2025-03-04T08:30"))).block();

        // across midnight: day first hour ¥5, night 10 × ¥1, day 2 later hours × ¥3
        assertThat(left.fee().orElseThrow().amount()).isEqualTo(Money.ofYuan(21));
        assertThat(left.verdict()).isEqualTo(Verdict.OPEN);
        assertThat(left.settlement()).contains(Settlement.AUTOPAY);
        assertThat(left.status()).contains(SessionStatus.SETTLED);
        assertThat(billStatus(left.bill().orElseThrow())).isEqualTo("PAID");
        assertThat(paymentStatuses(left.bill().orElseThrow())).containsExactly("CONFIRMED");
        assertThat(outboxTypes(entered.session().orElseThrow()))
                .containsExactly("SessionOpened", "SessionClosed", "SessionSettled");
        assertThat(driver).isNotNull();
    }

    @Test
    void defersWhenAutopayIsDeclined() {
        bindWithAutopay("sim-decline-" + UUID.randomUUID());
        gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision left = gates.handle(lot.operator(), exit(at("2025-03-03T11:00"))).block();

        assertThat(left.verdict()).isEqualTo(Verdict.OPEN);
        assertThat(left.settlement()).contains(Settlement.DEFERRED);
        assertThat(left.status()).contains(SessionStatus.UNPAID);
        assertThat(billStatus(left.bill().orElseThrow())).isEqualTo("UNPAID");
        assertThat(paymentStatuses(left.bill().orElseThrow())).containsExactly("DECLINED");
    }

    @Test
    void defersWhenTheProviderDoesNotAnswerInTime() {
        bindWithAutopay("sim-timeout-" + UUID.randomUUID());
        gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision left = gates.handle(lot.operator(), exit(at("2025-03-03T11:00"))).block();

        assertThat(left.settlement()).contains(Settlement.DEFERRED);
        assertThat(left.status()).contains(SessionStatus.UNPAID);
        assertThat(paymentStatuses(left.bill().orElseThrow())).containsExactly("EXPIRED");
    }

    @Test
    void honoursALateSignedConfirmationAfterDeferring() throws Exception {
        bindWithAutopay("sim-timeout-" + UUID.randomUUID());
        GateDecision entered = gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision left = gates.handle(lot.operator(), exit(at("2025-03-03T11:00"))).block();
        assertThat(left.settlement()).contains(Settlement.DEFERRED);
        UUID paymentId = database.sql("SELECT id FROM payment WHERE bill_id = :bill")
                .bind("bill", left.bill().orElseThrow()).map(row -> row.get("id", UUID.class)).one().block();

        // the provider's callback arrives after the gate gave up waiting
        String body = "{\"paymentId\":\"" + paymentId + "\",\"providerRef\":\"PRV-1\",\"status\":\"CONFIRMED\","
                + "\"amountFen\":800,\"occurredAt\":\"" + Instant.now() + "\",\"reason\":null}";
        web.post().uri("/api/v1/payments/callback")
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Citypark-Signature", Signatures.sign("local-dev-payment-callback-secret", body))
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk();

        assertThat(billStatus(left.bill().orElseThrow())).isEqualTo("PAID");
        assertThat(paymentStatuses(left.bill().orElseThrow())).containsExactly("CONFIRMED");
        assertThat(sessionRow(entered.session().orElseThrow())).containsEntry("status", "SETTLED")
                .containsEntry("settlement", "DEFERRED");
        assertThat(outboxTypes(entered.session().orElseThrow()))
                .containsExactly("SessionOpened", "SessionClosed", "SessionDeferred", "SessionSettled");
    }

    @Test
    void opensWhileAnAsynchronousProviderConfirmsLater() {
        bindWithAutopay("sim-late-" + UUID.randomUUID());
        GateDecision entered = gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision left = gates.handle(lot.operator(), exit(at("2025-03-03T11:00"))).block();

        assertThat(left.verdict()).isEqualTo(Verdict.OPEN);
        assertThat(left.settlement()).contains(Settlement.AUTOPAY);
        assertThat(left.status()).contains(SessionStatus.CLOSED);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(sessionRow(entered.session().orElseThrow())).containsEntry("status", "SETTLED")
                        .containsEntry("settlement", "AUTOPAY"));
        assertThat(billStatus(left.bill().orElseThrow())).isEqualTo("PAID");
    }

    @Test
    void asksToPayNowWhenAnOldBillIsUnpaidThenOpensOncePaid() {
        DriverId driver = bind();
        // an unpaid bill from 40 days before
        gates.handle(lot.operator(), entry(at("2025-01-20T09:00"))).block();
        GateDecision old = gates.handle(lot.operator(), exit(at("2025-01-20T11:00"))).block();
        assertThat(old.settlement()).contains(Settlement.DEFERRED);

        gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision refused = gates.handle(lot.operator(), exit(at("2025-03-03T11:00"))).block();

        assertThat(refused.verdict()).isEqualTo(Verdict.PAY_NOW);
        assertThat(refused.settlement()).contains(Settlement.PAY_NOW);
        assertThat(refused.reason().orElseThrow()).contains("older than 30 days");
        assertThat(refused.status()).contains(SessionStatus.CLOSED);

        GateDecision stillWaiting = gates.handle(lot.operator(), exit(at("2025-03-03T11:02"))).block();
        assertThat(stillWaiting.verdict()).isEqualTo(Verdict.PAY_NOW);
        assertThat(stillWaiting.bill()).isEqualTo(refused.bill());

        PaymentReceipt receipt = payments.payBill(driver, new PayBillCommand(refused.bill().orElseThrow(),
                Money.ofYuan(8), PaymentMethod.WECHAT_PAY, "wallet-" + driver, "key-" + UUID.randomUUID())).block();
        assertThat(receipt.payment().status()).isEqualTo(PaymentStatus.CONFIRMED);

        GateDecision paid = gates.handle(lot.operator(), exit(at("2025-03-03T11:05"))).block();
        assertThat(paid.verdict()).isEqualTo(Verdict.OPEN);
        assertThat(paid.settlement()).contains(Settlement.PAY_NOW);
        assertThat(paid.status()).contains(SessionStatus.SETTLED);
    }

    @Test
    void capsMultiDayStaysAndRefusesDeferralAboveTheUnpaidTotal() {
        // two three-day stays, each capped per 24 h: 3 × ¥40 + 2 later hours × ¥3 = ¥126
        gates.handle(lot.operator(), entry(at("2025-09-02T08:00"))).block();
        GateDecision first = gates.handle(lot.operator(), exit(at("2025-09-05T10:00"))).block();
        gates.handle(lot.operator(), entry(at("2025-09-06T08:00"))).block();
        GateDecision second = gates.handle(lot.operator(), exit(at("2025-09-09T10:00"))).block();

        assertThat(first.fee().orElseThrow().amount()).isEqualTo(Money.ofYuan(126));
        assertThat(first.fee().orElseThrow().breakdown()).anyMatch(line -> line.rule().equals("DailyCap"));
        // ¥126 unpaid is within ¥200: deferred
        assertThat(second.settlement()).contains(Settlement.DEFERRED);

        // ¥252 unpaid is more than ¥200: pay before leaving
        gates.handle(lot.operator(), entry(at("2025-09-10T09:00"))).block();
        GateDecision third = gates.handle(lot.operator(), exit(at("2025-09-10T11:00"))).block();
        assertThat(third.verdict()).isEqualTo(Verdict.PAY_NOW);
        assertThat(third.reason().orElseThrow()).contains("¥252.00");
    }

    @Test
    void recordsAnAnomalyForAnExitWithoutEntry() {
        GateDecision first = gates.handle(lot.operator(), exit(at("2025-03-03T11:00"))).block();
        GateDecision again = gates.handle(lot.operator(), exit(at("2025-03-03T11:00:20"))).block();

        assertThat(first.verdict()).isEqualTo(Verdict.ATTENDANT);
        assertThat(first.anomaly()).isPresent();
        assertThat(again.anomaly()).isEqualTo(first.anomaly());
        assertThat(count("SELECT count(*) FROM session_anomaly WHERE plate = :plate AND kind = 'EXIT_WITHOUT_ENTRY'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM parking_session WHERE plate = :plate")).isZero();
    }

    @Test
    void refusesAnExitBeforeItsEntryAndWritesNothing() {
        GateDecision entered = gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();

        StepVerifier.create(gates.handle(lot.operator(), exit(at("2025-03-03T08:00"))))
                .expectErrorSatisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("observedAt"))
                .verify();

        assertThat(sessionRow(entered.session().orElseThrow())).containsEntry("status", "ACTIVE");
        assertThat(outboxTypes(entered.session().orElseThrow())).containsExactly("SessionOpened");
        assertThat(count("SELECT count(*) FROM bill WHERE plate = :plate")).isZero();
    }

    @Test
    void closesAndBillsASessionWhoseExitWasMissed() {
        GateDecision first = gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision second = gates.handle(lot.operator(), entry(at("2025-03-03T15:00"))).block();

        assertThat(second.created()).isTrue();
        assertThat(second.session()).isNotEqualTo(first.session());
        assertThat(sessionRow(first.session().orElseThrow())).containsEntry("status", "UNPAID");
        assertThat(count("SELECT count(*) FROM session_anomaly WHERE plate = :plate AND kind = 'MISSING_EXIT'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM parking_session WHERE plate = :plate AND status = 'ACTIVE'"))
                .isEqualTo(1);
    }

    @Test
    void writesOffAnUnpaidBill() {
        GateDecision entered = gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision left = gates.handle(lot.operator(), exit(at("2025-03-03T11:00"))).block();

        Bill off = payments.writeOff(lot.operator(), left.bill().orElseThrow(), "plate misread by camera").block();

        assertThat(off.status()).isEqualTo(BillStatus.WRITTEN_OFF);
        assertThat(sessionRow(entered.session().orElseThrow())).containsEntry("status", "WRITTEN_OFF");
        assertThat(outboxTypes(entered.session().orElseThrow()))
                .containsExactly("SessionOpened", "SessionClosed", "SessionDeferred", "SessionWrittenOff");
    }

    @Test
    void flagsASessionActiveLongerThanTheLimitOnce() {
        GateDecision entered = gates.handle(lot.operator(), entry(Instant.now().minus(Duration.ofDays(4)))).block();

        overstays.flag(Instant.now()).block();
        overstays.flag(Instant.now()).block();

        assertThat(count("SELECT count(*) FROM session_anomaly WHERE plate = :plate AND kind = 'OVERSTAY'"))
                .isEqualTo(1);
        assertThat(sessionRow(entered.session().orElseThrow())).containsEntry("status", "ACTIVE");
    }

    @Test
    void defersAnAutopayLeftPendingAndStillHonoursItsLateConfirmation() {
        bindWithAutopay("sim-late-" + UUID.randomUUID());
        GateDecision entered = gates.handle(lot.operator(), entry(at("2025-03-03T09:00"))).block();
        GateDecision left = gates.handle(lot.operator(), exit(at("2025-03-03T11:00"))).block();
        assertThat(left.status()).contains(SessionStatus.CLOSED);

        payments.expirePending(Instant.now().plus(Duration.ofMinutes(1))).block();

        assertThat(sessionRow(entered.session().orElseThrow())).containsEntry("status", "UNPAID");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(sessionRow(entered.session().orElseThrow())).containsEntry("status", "SETTLED"));
        assertThat(paymentStatuses(left.bill().orElseThrow())).containsExactly("CONFIRMED");
        assertThat(outboxTypes(entered.session().orElseThrow()))
                .containsExactly("SessionOpened", "SessionClosed", "SessionDeferred", "SessionSettled");
    }

    private DriverId bind() {
        DriverId driver = DriverId.of("drv-" + UUID.randomUUID());
        accounts.bind(driver, new Vehicle(Plate.of(plate), PlateColour.BLUE), "888888").block();
        return driver;
    }

    private DriverId bindWithAutopay(String accountRef) {
        DriverId driver = bind();
        accounts.bindAutopay(driver, Plate.of(plate), PaymentMethod.ALIPAY, accountRef).block();
        return driver;
    }

    private GateEvent entry(Instant at) {
        return GateEvent.parse(lot.id(), lot.entryGate(), "ENTRY", plate, "BLUE", at, 0.98, null, null);
    }

    private GateEvent exit(Instant at) {
        return GateEvent.parse(lot.id(), lot.exitGate(), "EXIT", plate, "BLUE", at, 0.98, null, null);
    }

    private Map<String, Object> sessionRow(SessionId id) {
        return database.sql("SELECT status, fee_fen, settlement FROM parking_session WHERE id = :id")
                .bind("id", id.value()).fetch().one().block();
    }

    private String billStatus(UUID bill) {
        return database.sql("SELECT status FROM bill WHERE id = :id").bind("id", bill)
                .map(row -> row.get("status", String.class)).one().block();
    }

    private List<String> paymentStatuses(UUID bill) {
        return database.sql("SELECT status FROM payment WHERE bill_id = :id ORDER BY created_at").bind("id", bill)
                .map(row -> row.get("status", String.class)).all().collectList().block();
    }

    private List<String> outboxTypes(SessionId session) {
        return database.sql("SELECT event_type FROM outbox WHERE topic = 'citypark.sessions.v1'"
                        + " AND payload->>'sessionId' = :id ORDER BY id")
                .bind("id", session.toString())
                .map(row -> row.get("event_type", String.class)).all().collectList().block();
    }

    private long count(String sql) {
        return database.sql(sql).bind("plate", plate).map(row -> row.get(0, Long.class)).one().block();
    }
}
