package dev.citypark.session.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.security.TestCallers;
import dev.citypark.session.CityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.citypark.session.CityFixtures.freshPhone;
import static dev.citypark.session.CityFixtures.freshPlate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session API over HTTP with real credentials: operators report gate and bay events and get decisions, drivers
 * bind plates, turn on autopay, list their sessions and bills, pay, and ask what leaving later would cost.
 */
@CityparkIntegrationTest
class SessionApiIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    CityFixtures.GatedLot lot;
    Instant start;
    int fee;
    String plate;
    Consumer<HttpHeaders> driver;

    @BeforeEach
    void setUp() {
        lot = CityFixtures.lotOf(registry, TestCallers.OPERATOR_1, "QD-T1-CORE");
        plate = freshPlate();
        driver = TestCallers.driver(web, freshPhone());
        // recent times: a driver sees the sessions that ended after they bound the plate, so exits that drivers
        // look at happen now, after the binding
        start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(2));
        fee = feeFor(at(0), at(120));
    }

    private int feeFor(String from, String to) {
        return ((Number) web.get().uri("/api/v1/tariffs/QD-T1-CORE/quote?from={from}&to={to}", from, to)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("totalFen")).intValue();
    }

    private String at(int minutesAfterStart) {
        return start.plus(Duration.ofMinutes(minutesAfterStart)).toString();
    }

    @Test
    void entryIsCreatedExitIsDecidedAndTheDriverPaysLater() {
        Map<String, Object> entered = body(gateEvent("ENTRY", at(0)).expectStatus().isCreated());
        assertThat(entered).containsEntry("decision", "OPEN").containsEntry("status", "ACTIVE");
        String sessionId = (String) entered.get("sessionId");
        gateEvent("ENTRY", at(1)).expectStatus().isOk()
                .expectBody().jsonPath("$.sessionId").isEqualTo(sessionId);

        bind(plate, "BLUE").expectStatus().isOk().expectBody().jsonPath("$.autopay").isEqualTo(false);
        web.get().uri("/api/v1/sessions/{id}/quote?leaveAt={at}", sessionId, at(120)).headers(driver)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.feeFen").isEqualTo(fee)
                .jsonPath("$.breakdown[0].rule").exists();

        String now = Instant.now().toString();
        fee = feeFor(at(0), now);
        Map<String, Object> left = body(gateEvent("EXIT", now).expectStatus().isOk());
        assertThat(left).containsEntry("decision", "OPEN").containsEntry("sessionId", sessionId)
                .containsEntry("feeFen", fee).containsEntry("settlement", "DEFERRED");
        assertThat((java.util.List<?>) left.get("breakdown")).isNotEmpty();
        String billId = (String) left.get("billId");

        web.get().uri("/api/v1/me/sessions").headers(driver).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].sessionId").isEqualTo(sessionId)
                .jsonPath("$[0].status").isEqualTo("UNPAID")
                .jsonPath("$[0].feeFen").isEqualTo(fee);

        web.post().uri("/api/v1/me/bills/{id}/payments", billId).headers(driver)
                .header("Idempotency-Key", "pay-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amountFen", fee, "method", "WECHAT_PAY"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Idempotent-Replayed", "false")
                .expectBody()
                .jsonPath("$.status").isEqualTo("CONFIRMED")
                .jsonPath("$.sessionId").isEqualTo(sessionId);

        web.get().uri("/api/v1/me/bills?status=UNPAID").headers(driver).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        web.get().uri("/api/v1/me/bills?status=PAID").headers(driver).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].billId").isEqualTo(billId);
        web.get().uri("/api/v1/me/sessions").headers(driver).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].status").isEqualTo("SETTLED")
                .jsonPath("$[0].settlement").isEqualTo("DEFERRED")
                .jsonPath("$[0].paidFen").isEqualTo(fee);
    }

    @Test
    void autopayBoundPlateLeavesSettled() {
        bind(plate, "GREEN").expectStatus().isOk();
        web.put().uri("/api/v1/me/vehicles/{plate}/autopay", plate).headers(driver)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "ALIPAY", "accountRef", "agreement-" + UUID.randomUUID()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("ALIPAY");
        web.get().uri("/api/v1/me/vehicles").headers(driver).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$[0].plate").isEqualTo(plate)
                .jsonPath("$[0].autopay").isEqualTo(true);

        gateEvent("ENTRY", at(0), "GREEN").expectStatus().isCreated();
        gateEvent("EXIT", at(120), "GREEN")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decision").isEqualTo("OPEN")
                .jsonPath("$.settlement").isEqualTo("AUTOPAY")
                .jsonPath("$.status").isEqualTo("SETTLED");
    }

    @Test
    void onePlateBindsToOneAccountAtATime() {
        bind(plate, "BLUE").expectStatus().isOk();
        Consumer<HttpHeaders> other = TestCallers.driver(web, freshPhone());

        web.put().uri("/api/v1/me/vehicles/{plate}", plate).headers(other)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plateColour", "BLUE", "verificationCode", "888888"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:conflict");

        web.delete().uri("/api/v1/me/vehicles/{plate}", plate).headers(driver).exchange()
                .expectStatus().isNoContent();
        web.put().uri("/api/v1/me/vehicles/{plate}", plate).headers(other)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plateColour", "BLUE", "verificationCode", "888888"))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void bindingNeedsTheVerificationCode() {
        web.put().uri("/api/v1/me/vehicles/{plate}", plate).headers(driver)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plateColour", "BLUE", "verificationCode", "000000"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("verificationCode");
    }

    @Test
    void anotherDriversSessionQuoteIsNotFound() {
        String sessionId = (String) body(gateEvent("ENTRY", at(0)).expectStatus().isCreated())
                .get("sessionId");
        Consumer<HttpHeaders> stranger = TestCallers.driver(web, freshPhone());

        web.get().uri("/api/v1/sessions/{id}/quote", sessionId).headers(stranger).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:not-found");
        web.get().uri("/api/v1/sessions/{id}/quote", sessionId).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void onStreetBayOpensAndClosesASession() {
        Segment segment = CityFixtures.segmentOf(registry, TestCallers.OPERATOR_3);
        String bay = segment.bays().get(1).id().value();

        web.post().uri("/api/v1/operator/bay-checkins").headers(TestCallers.operator3())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bayId", bay, "state", "OCCUPIED", "plate", plate, "plateColour", "BLUE",
                        "observedAt", at(0)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        web.post().uri("/api/v1/operator/bay-checkins").headers(TestCallers.operator3())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bayId", bay, "state", "OCCUPIED", "plate", freshPlate(), "plateColour", "BLUE",
                        "observedAt", at(10)))
                .exchange()
                .expectStatus().isEqualTo(409);
        web.post().uri("/api/v1/operator/bay-checkins").headers(TestCallers.operator3())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bayId", bay, "state", "FREE", "observedAt", at(90)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decision").isEqualTo("OPEN")
                .jsonPath("$.settlement").isEqualTo("DEFERRED")
                .jsonPath("$.feeFen").value(fee -> assertThat(((Number) fee).longValue()).isPositive());
    }

    @Test
    void operatorsSeeArrearsCityWideAndTheirAnomalies() {
        gateEvent("ENTRY", at(0)).expectStatus().isCreated();
        gateEvent("EXIT", at(120)).expectStatus().isOk();

        // another operator, at entry, asks what the plate owes
        web.get().uri("/api/v1/operator/vehicles/{plate}/arrears", plate).headers(TestCallers.operator2())
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.unpaidCount").isEqualTo(1)
                .jsonPath("$.unpaidFen").isEqualTo(fee)
                .jsonPath("$.placeId").doesNotExist();

        String stranger = freshPlate();
        web.post().uri("/api/v1/operator/gate-events").headers(TestCallers.operator1())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(event("EXIT", stranger, "BLUE", at(110)))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.decision").isEqualTo("ATTENDANT")
                .jsonPath("$.anomalyId").exists();
        web.get().uri("/api/v1/operator/anomalies").headers(TestCallers.operator1()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.plate == '" + stranger + "')].kind").isEqualTo("EXIT_WITHOUT_ENTRY");
        web.get().uri("/api/v1/operator/anomalies").headers(TestCallers.operator2()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.plate == '" + stranger + "')]").doesNotExist();
    }

    @Test
    void operatorWritesOffAnUnpaidBillOfItsOwnPlaceOnly() {
        gateEvent("ENTRY", at(0)).expectStatus().isCreated();
        bind(plate, "BLUE").expectStatus().isOk();
        String billId = (String) body(gateEvent("EXIT", Instant.now().toString()).expectStatus().isOk())
                .get("billId");

        web.post().uri("/api/v1/operator/bills/{id}/write-off", billId).headers(TestCallers.operator2())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "not mine"))
                .exchange()
                .expectStatus().isNotFound();
        web.post().uri("/api/v1/operator/bills/{id}/write-off", billId).headers(TestCallers.operator1())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "camera misread"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WRITTEN_OFF");
        web.get().uri("/api/v1/me/sessions").headers(driver).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].status").isEqualTo("WRITTEN_OFF");
    }

    // ---- helpers ----

    private WebTestClient.ResponseSpec gateEvent(String direction, String observedAt) {
        return gateEvent(direction, observedAt, "BLUE");
    }

    private WebTestClient.ResponseSpec gateEvent(String direction, String observedAt, String colour) {
        return web.post().uri("/api/v1/operator/gate-events").headers(TestCallers.operator1())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(event(direction, plate, colour, observedAt))
                .exchange();
    }

    private Map<String, Object> event(String direction, String eventPlate, String colour, String observedAt) {
        return Map.of("lotId", lot.id(), "gateId", direction.equals("ENTRY") ? lot.entryGate() : lot.exitGate(),
                "direction", direction, "plate", eventPlate, "plateColour", colour, "observedAt", observedAt,
                "confidence", 0.97);
    }

    private WebTestClient.ResponseSpec bind(String boundPlate, String colour) {
        return web.put().uri("/api/v1/me/vehicles/{plate}", boundPlate).headers(driver)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plateColour", colour, "verificationCode", "888888"))
                .exchange();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectBody(Map.class).returnResult().getResponseBody();
    }

}
