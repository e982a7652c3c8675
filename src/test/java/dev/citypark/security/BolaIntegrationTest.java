package dev.citypark.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.session.CityFixtures;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import static dev.citypark.session.CityFixtures.freshPhone;
import static dev.citypark.session.CityFixtures.freshPlate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken object-level authorization, end to end: for every route that names an object (in the path or the body),
 * another operator or driver is refused (403, or 404 where existence itself is private: another driver's plates,
 * sessions and bills) and the victim's rows in PostgreSQL and its places' hashes in Redis are byte for byte what they
 * were before the request. {@link #everyRouteHasAnAuthorizationDecision()} enumerates every route of the running
 * application, so a new endpoint without a decision fails this suite.
 *
 * <h2>Adding a route</h2>
 * Every route is a key {@code "<METHOD> <path pattern>"} exactly as Spring maps it (the pattern from the
 * {@code @RequestMapping}s, e.g. {@code "GET /api/v1/vehicles/{plate}/location"}; a RouterFunction route is
 * {@code "ROUTER <predicate>"} as its {@code toString()} prints it, which the failure message shows). Then either
 * <ol>
 * <li>it acts on an object somebody owns: add one or more {@link Probe} lines to {@link #probes()}
 * ({@code probe(route, "who attacks", method, uri, body, headers, expected statuses)}; a probe names its route, so it
 * counts as the decision), and make sure the victim's state in {@link #victimState()} covers what it could change;
 * or</li>
 * <li>it needs no object check: add one line to {@link #CLASSIFIED} with the reason — {@link Decision#PUBLIC_READ}
 * (public data, anybody may read it), {@link Decision#CALLER_SCOPED} (no id: it lists or acts on the caller's own
 * things only), {@link Decision#BY_DESIGN} (an id, but every caller of the role may use it; say why in a comment),
 * {@link Decision#CREDENTIAL} (sign-in, signed callbacks, documentation), {@link Decision#OPERATIONS} (actuator: health
 * public, the rest administrators only, no object of anybody).</li>
 * </ol>
 * A key in {@link #CLASSIFIED} or a probe whose route no longer exists fails the test too, so the table stays true.
 */
@CityparkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BolaIntegrationTest {

    enum Decision { PUBLIC_READ, CALLER_SCOPED, BY_DESIGN, CREDENTIAL, OPERATIONS }

    /** Routes that need no object-level check, one line each (see the class Javadoc). */
    static final Map<String, Decision> CLASSIFIED = new TreeMap<>(Map.ofEntries(
            // registry, tariffs, live availability, open data, walking routes: public reads
            Map.entry("GET /api/v1/lots", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/lots/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/lots/{id}/indoor", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/lots/{id}/route", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/segments", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/segments/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/districts", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/districts/{code}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/operators/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/bays/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/tariffs", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/tariffs/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/tariffs/{id}/quote", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/availability", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/availability/lots/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/availability/segments/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/availability/bays/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/availability/stream", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/guidance/screens/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/opendata/ngsi-ld/entities", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/opendata/ngsi-ld/entities/{id}", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/opendata/datex2/parking-table", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/opendata/datex2/parking-status", Decision.PUBLIC_READ),
            Map.entry("GET /api/v1/search/nearest", Decision.PUBLIC_READ),
            // the bureau's static page (its data calls need a BUREAU token)
            Map.entry("ROUTER ((GET && /bureau) || (HEAD && /bureau))", Decision.PUBLIC_READ),
            Map.entry("ROUTER ((GET && /bureau/) || (HEAD && /bureau/))", Decision.PUBLIC_READ),
            // the bureau's city-wide read-only statistics: any BUREAU or ADMIN caller, no owner (probes: others 403)
            Map.entry("GET /api/v1/analytics/utilization", Decision.BY_DESIGN),
            Map.entry("GET /api/v1/analytics/turnover", Decision.BY_DESIGN),
            Map.entry("GET /api/v1/analytics/dwell", Decision.BY_DESIGN),
            Map.entry("GET /api/v1/analytics/peaks", Decision.BY_DESIGN),
            Map.entry("GET /api/v1/analytics/heatmap", Decision.BY_DESIGN),
            Map.entry("GET /api/v1/analytics/operators/quality", Decision.BY_DESIGN),
            Map.entry("GET /api/v1/analytics/forecast/accuracy", Decision.BY_DESIGN),
            // the caller's own things, no id
            Map.entry("GET /api/v1/operator/occupancy/counters", Decision.CALLER_SCOPED),
            Map.entry("GET /api/v1/operator/anomalies", Decision.CALLER_SCOPED),
            Map.entry("GET /api/v1/me/sessions", Decision.CALLER_SCOPED),
            Map.entry("GET /api/v1/me/bills", Decision.CALLER_SCOPED),
            Map.entry("GET /api/v1/me/vehicles", Decision.CALLER_SCOPED),
            // any operator may ask what a plate owes city-wide (count and sum only): the credit rule at their gates
            Map.entry("GET /api/v1/operator/vehicles/{plate}/arrears", Decision.BY_DESIGN),
            // credentials: sign-in, the payment provider's signed callback, the API documentation
            Map.entry("POST /api/v1/auth/driver-token", Decision.CREDENTIAL),
            Map.entry("POST /api/v1/auth/service-token", Decision.CREDENTIAL),
            Map.entry("POST /api/v1/payments/callback", Decision.CREDENTIAL),
            Map.entry("GET /v3/api-docs", Decision.CREDENTIAL),
            Map.entry("GET /v3/api-docs.yaml", Decision.CREDENTIAL),
            // operations (actuator): health public, the rest ADMIN by the path rules
            Map.entry("GET /actuator", Decision.OPERATIONS),
            Map.entry("GET /actuator/health", Decision.OPERATIONS),
            Map.entry("GET /actuator/health/{*path}", Decision.OPERATIONS),
            Map.entry("GET /actuator/info", Decision.OPERATIONS),
            Map.entry("GET /actuator/metrics", Decision.OPERATIONS),
            Map.entry("GET /actuator/metrics/{requiredMetricName}", Decision.OPERATIONS),
            Map.entry("GET /actuator/prometheus", Decision.OPERATIONS)));

    /** Probes of routes whose id is checked by the controller, not by a path rule; the expected statuses. */
    private static final Set<Integer> REFUSED = Set.of(403, 404);
    private static final Set<Integer> FORBIDDEN = Set.of(403);
    private static final Set<Integer> NOT_FOUND = Set.of(404);

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    ApplicationContext context;

    // the victims' objects, made in setUp through the real API
    CityFixtures.GatedLot victimLot;
    String victimPlate;
    String onStreetPlate;
    String victimBay;
    String victimSegment;
    String closedSessionId;
    String activeSessionId;
    String billId;
    String freshKeyId;
    String victimLotFeature;
    String victimLotEtag;
    Consumer<HttpHeaders> victimDriver;
    Consumer<HttpHeaders> otherDriver;
    Consumer<HttpHeaders> bureau;

    @BeforeAll
    void setUp() {
        victimLot = CityFixtures.lotOf(registry, TestCallers.OPERATOR_1, "QD-T1-CORE");
        Segment segment = CityFixtures.segmentOf(registry, TestCallers.OPERATOR_3);
        victimSegment = segment.id().value();
        victimBay = segment.bays().get(2).id().value();
        victimPlate = freshPlate();
        onStreetPlate = freshPlate();
        victimDriver = TestCallers.driver(web, freshPhone());
        otherDriver = TestCallers.driver(web, freshPhone());
        bureau = TestCallers.bureau(web);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        put("/api/v1/me/vehicles/" + victimPlate, victimDriver,
                Map.of("plateColour", "BLUE", "verificationCode", "888888")).expectStatus().isOk();
        closedSessionId = (String) gate("ENTRY", victimLot.entryGate(), now.minus(Duration.ofHours(2)))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("sessionId");
        billId = (String) gate("EXIT", victimLot.exitGate(), now.minus(Duration.ofMinutes(2)))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("billId");
        assertThat(billId).as("the exit left an unpaid bill").isNotNull();
        activeSessionId = (String) gate("ENTRY", victimLot.entryGate(), now.minus(Duration.ofMinutes(1)))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("sessionId");
        put("/api/v1/me/vehicles/" + victimPlate + "/autopay", victimDriver,
                Map.of("method", "ALIPAY", "accountRef", "agreement-" + UUID.randomUUID())).expectStatus().isOk();
        web.post().uri("/api/v1/operator/bay-checkins").headers(TestCallers.operator3())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("bayId", victimBay, "state", "OCCUPIED", "plate", onStreetPlate,
                        "plateColour", "BLUE", "observedAt", now.minus(Duration.ofMinutes(5)).toString()))
                .exchange().expectStatus().value(status -> assertThat(status).isIn(200, 201));
        freshKeyId = (String) web.post().uri("/api/v1/admin/operators/{op}/api-keys", TestCallers.OPERATOR_1.value())
                .headers(TestCallers.admin()).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("keyId");
        EntityExchangeResult<String> feature = web.get().uri("/api/v1/lots/{id}", victimLot.id())
                .accept(MediaType.parseMediaType("application/geo+json")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        victimLotFeature = feature.getResponseBody();
        victimLotEtag = feature.getResponseHeaders().getETag();

        // the sessions' events reach the live state asynchronously (outbox → Kafka → availability): let them land
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .until(new java.util.concurrent.Callable<Boolean>() {
                    String last = "";

                    @Override
                    public Boolean call() {
                        String unpublished = database.sql("SELECT count(*)::text AS n FROM outbox "
                                        + "WHERE published_at IS NULL AND message_key IN (:keys)")
                                .bind("keys", List.of(victimLot.id(), victimSegment))
                                .map(row -> row.get("n", String.class)).one().block();
                        String now = redisState();
                        boolean stable = "0".equals(unpublished) && now.equals(last);
                        last = now;
                        return stable;
                    }
                });
    }

    private WebTestClient.ResponseSpec gate(String direction, String gateId, Instant at) {
        return web.post().uri("/api/v1/operator/gate-events").headers(TestCallers.operator1())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lotId", victimLot.id(), "gateId", gateId, "direction", direction,
                        "plate", victimPlate, "plateColour", "BLUE", "observedAt", at.toString()))
                .exchange();
    }

    private WebTestClient.ResponseSpec put(String uri, Consumer<HttpHeaders> who, Object body) {
        return web.put().uri(uri).headers(who).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /**
     * One attempt on another's object.
     *
     * @param route the route key it decides (see the class Javadoc)
     * @param attacker who tries, for the test name
     * @param expected the acceptable statuses
     */
    record Probe(String route, String attacker, HttpMethod method, String uri, Object body,
                 Consumer<HttpHeaders> headers, Set<Integer> expected) {
    }

    private static Probe probe(String route, String attacker, HttpMethod method, String uri, Object body,
            Consumer<HttpHeaders> headers, Set<Integer> expected) {
        return new Probe(route, attacker, method, uri, body, headers, expected);
    }

    /** The BOLA table: one line per attempt. */
    List<Probe> probes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Consumer<HttpHeaders> op1 = TestCallers.operator1();
        Consumer<HttpHeaders> op2 = TestCallers.operator2();
        String lot = victimLot.id();
        String plate = victimPlate;
        String lotPut = "PUT /api/v1/operator/lots/{id}";
        String ingest = "POST /api/v1/operator/occupancy";
        String gates = "POST /api/v1/operator/gate-events";
        String checkins = "POST /api/v1/operator/bay-checkins";
        String writeOff = "POST /api/v1/operator/bills/{billId}/write-off";
        String pay = "POST /api/v1/me/bills/{billId}/payments";
        String quote = "GET /api/v1/sessions/{sessionId}/quote";
        String bind = "PUT /api/v1/me/vehicles/{plate}";
        String unbind = "DELETE /api/v1/me/vehicles/{plate}";
        String autopay = "PUT /api/v1/me/vehicles/{plate}/autopay";
        String noAutopay = "DELETE /api/v1/me/vehicles/{plate}/autopay";
        String locate = "GET /api/v1/vehicles/{plate}/location";
        String keys = "/api/v1/admin/operators/" + TestCallers.OPERATOR_1.value() + "/api-keys";
        Map<String, Object> payment = Map.of("amountFen", 100, "method", "WECHAT_PAY");
        return List.of(
                // operators: another operator's lot, gates, bays, bills
                probe(lotPut, "operator 2", HttpMethod.PUT, "/api/v1/operator/lots/" + lot, victimLotFeature,
                        h -> { op2.accept(h); h.set(HttpHeaders.IF_MATCH, victimLotEtag); }, REFUSED),
                probe(lotPut, "operator 2 creating under the id", HttpMethod.PUT, "/api/v1/operator/lots/" + lot,
                        victimLotFeature, h -> { op2.accept(h); h.set(HttpHeaders.IF_NONE_MATCH, "*"); }, Set.of(403, 404, 409, 412)),
                probe(lotPut, "driver", HttpMethod.PUT, "/api/v1/operator/lots/" + lot, victimLotFeature,
                        otherDriver, FORBIDDEN),
                probe(ingest, "operator 2", HttpMethod.POST, "/api/v1/operator/occupancy",
                        Map.of("events", List.of(Map.of("type", "LotCount", "lotId", lot,
                                "observedAt", now.toString(), "free", Map.of("GENERAL", 0)))), op2, FORBIDDEN),
                probe(ingest, "operator 1 on an on-street bay of operator 3", HttpMethod.POST,
                        "/api/v1/operator/occupancy", Map.of("events", List.of(Map.of("type", "BayStatus",
                                "bayId", victimBay, "observedAt", now.toString(), "occupied", false, "sensorId", "S-1"))), op1,
                        FORBIDDEN),
                probe(ingest, "driver", HttpMethod.POST, "/api/v1/operator/occupancy",
                        Map.of("events", List.of()), otherDriver, FORBIDDEN),
                probe(gates, "operator 2 (exit)", HttpMethod.POST, "/api/v1/operator/gate-events",
                        Map.of("lotId", lot, "gateId", victimLot.exitGate(), "direction", "EXIT", "plate", plate,
                                "plateColour", "BLUE", "observedAt", now.toString()), op2, REFUSED),
                probe(gates, "operator 2 (entry)", HttpMethod.POST, "/api/v1/operator/gate-events",
                        Map.of("lotId", lot, "gateId", victimLot.entryGate(), "direction", "ENTRY",
                                "plate", freshPlate(), "plateColour", "BLUE", "observedAt", now.toString()), op2, REFUSED),
                probe(gates, "driver", HttpMethod.POST, "/api/v1/operator/gate-events", Map.of("lotId", lot),
                        otherDriver, FORBIDDEN),
                probe(checkins, "operator 1 on operator 3's bay", HttpMethod.POST, "/api/v1/operator/bay-checkins",
                        Map.of("bayId", victimBay, "state", "FREE", "observedAt", now.toString()), op1, REFUSED),
                probe(checkins, "operator 2 occupying operator 3's bay", HttpMethod.POST,
                        "/api/v1/operator/bay-checkins", Map.of("bayId", victimBay, "state", "OCCUPIED",
                                "plate", freshPlate(), "plateColour", "BLUE", "observedAt", now.toString()), op2, REFUSED),
                probe(writeOff, "operator 2", HttpMethod.POST, "/api/v1/operator/bills/" + billId + "/write-off",
                        Map.of("reason", "mine now"), op2, REFUSED),
                probe(writeOff, "operator 3", HttpMethod.POST, "/api/v1/operator/bills/" + billId + "/write-off",
                        Map.of("reason", "mine now"), TestCallers.operator3(), REFUSED),
                probe(writeOff, "driver", HttpMethod.POST, "/api/v1/operator/bills/" + billId + "/write-off",
                        Map.of("reason", "x"), victimDriver, FORBIDDEN),
                // drivers: another driver's bills, sessions, plates (404: existence is private)
                probe(pay, "another driver", HttpMethod.POST, "/api/v1/me/bills/" + billId + "/payments", payment,
                        h -> { otherDriver.accept(h); h.set("Idempotency-Key", "bola-" + UUID.randomUUID()); },
                        NOT_FOUND),
                probe(pay, "operator 1", HttpMethod.POST, "/api/v1/me/bills/" + billId + "/payments", payment,
                        h -> { op1.accept(h); h.set("Idempotency-Key", "bola-" + UUID.randomUUID()); }, FORBIDDEN),
                probe(quote, "another driver (active)", HttpMethod.GET,
                        "/api/v1/sessions/" + activeSessionId + "/quote", null, otherDriver, NOT_FOUND),
                probe(quote, "another driver (closed)", HttpMethod.GET,
                        "/api/v1/sessions/" + closedSessionId + "/quote", null, otherDriver, NOT_FOUND),
                probe(quote, "operator 1", HttpMethod.GET, "/api/v1/sessions/" + activeSessionId + "/quote", null,
                        op1, FORBIDDEN),
                // binding needs the plate's verification: a wrong code learns nothing; the right code (the owner of
                // the plate proving it) is told the plate is bound to another account (409)
                probe(bind, "another driver, wrong code", HttpMethod.PUT, "/api/v1/me/vehicles/" + plate,
                        Map.of("plateColour", "BLUE", "verificationCode", "000000"), otherDriver, Set.of(400)),
                probe(bind, "another driver, verified", HttpMethod.PUT, "/api/v1/me/vehicles/" + plate,
                        Map.of("plateColour", "BLUE", "verificationCode", "888888"), otherDriver, Set.of(409)),
                probe(unbind, "another driver", HttpMethod.DELETE, "/api/v1/me/vehicles/" + plate, null, otherDriver,
                        NOT_FOUND),
                probe(autopay, "another driver", HttpMethod.PUT, "/api/v1/me/vehicles/" + plate + "/autopay",
                        Map.of("method", "WECHAT_PAY", "accountRef", "thief"), otherDriver, NOT_FOUND),
                probe(noAutopay, "another driver", HttpMethod.DELETE, "/api/v1/me/vehicles/" + plate + "/autopay",
                        null, otherDriver, NOT_FOUND),
                probe(unbind, "operator 1", HttpMethod.DELETE, "/api/v1/me/vehicles/" + plate, null, op1, FORBIDDEN),
                // where a car is parked: only its driver or the holder of the stay's locate code; others 404
                probe(locate, "another driver", HttpMethod.GET, "/api/v1/vehicles/" + plate + "/location", null,
                        otherDriver, NOT_FOUND),
                probe(locate, "anybody", HttpMethod.GET, "/api/v1/vehicles/" + plate + "/location", null,
                        h -> { }, NOT_FOUND),
                probe(locate, "anybody with a guessed locate code", HttpMethod.GET,
                        "/api/v1/vehicles/" + plate + "/location", null, h -> h.set("X-Locate-Code", "000000"),
                        NOT_FOUND),
                probe(locate, "operator 2", HttpMethod.GET, "/api/v1/vehicles/" + plate + "/location", null, op2,
                        REFUSED),
                // the bureau's statistics, per lot too: drivers and operators are refused
                probe("GET /api/v1/analytics/forecast/lots/{lotId}", "operator 1", HttpMethod.GET,
                        "/api/v1/analytics/forecast/lots/" + victimLot.id(), null, op1, FORBIDDEN),
                probe("GET /api/v1/analytics/forecast/lots/{lotId}", "driver", HttpMethod.GET,
                        "/api/v1/analytics/forecast/lots/" + victimLot.id(), null, otherDriver, FORBIDDEN),
                probe("GET /api/v1/analytics/operators/quality", "operator 1", HttpMethod.GET,
                        "/api/v1/analytics/operators/quality", null, op1, FORBIDDEN),
                probe("GET /api/v1/operator/vehicles/{plate}/arrears", "driver", HttpMethod.GET,
                        "/api/v1/operator/vehicles/" + plate + "/arrears", null, otherDriver, FORBIDDEN),
                // administration: only administrators; an administrator names the key's own operator
                probe("GET " + "/api/v1/admin/operators/{operatorId}/api-keys", "operator 1", HttpMethod.GET, keys,
                        null, op1, FORBIDDEN),
                probe("GET /api/v1/admin/operators/{operatorId}/api-keys", "bureau", HttpMethod.GET, keys, null,
                        bureau, FORBIDDEN),
                probe("POST /api/v1/admin/operators/{operatorId}/api-keys", "operator 1", HttpMethod.POST, keys,
                        null, op1, FORBIDDEN),
                probe("POST /api/v1/admin/operators/{operatorId}/api-keys", "driver", HttpMethod.POST, keys, null,
                        victimDriver, FORBIDDEN),
                probe("DELETE /api/v1/admin/operators/{operatorId}/api-keys/{keyId}", "operator 1", HttpMethod.DELETE,
                        keys + "/" + freshKeyId, null, op1, FORBIDDEN),
                probe("DELETE /api/v1/admin/operators/{operatorId}/api-keys/{keyId}",
                        "admin naming another operator", HttpMethod.DELETE,
                        "/api/v1/admin/operators/" + TestCallers.OPERATOR_2.value() + "/api-keys/" + freshKeyId, null,
                        TestCallers.admin(), NOT_FOUND));
    }

    @TestFactory
    Stream<DynamicTest> anotherCallerIsRefusedAndNothingChanges() {
        return probes().stream().map(probe -> DynamicTest.dynamicTest(
                probe.route() + " by " + probe.attacker(), () -> {
                    String before = victimState();
                    WebTestClient.RequestBodySpec request = web.method(probe.method()).uri(probe.uri())
                            .headers(probe.headers());
                    WebTestClient.RequestHeadersSpec<?> spec = probe.body() == null ? request
                            : request.contentType(probe.body() instanceof String
                                    ? MediaType.parseMediaType("application/geo+json") : MediaType.APPLICATION_JSON)
                                    .bodyValue(probe.body());
                    EntityExchangeResult<String> result = spec.exchange().expectBody(String.class).returnResult();
                    assertThat(result.getStatus().value())
                            .as("%s %s by %s answered %s", probe.method(), probe.uri(), probe.attacker(),
                                    result.getResponseBody())
                            .isIn(probe.expected());
                    assertThat(victimState()).as("the victim's state after " + probe.route()).isEqualTo(before);
                }));
    }

    @Test
    void listsOfAnotherDriverShowNothingOfTheVictim() {
        for (String path : new String[] {"/api/v1/me/sessions", "/api/v1/me/bills", "/api/v1/me/vehicles"}) {
            String body = web.get().uri(path).headers(otherDriver).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(body).doesNotContain(victimPlate, closedSessionId, activeSessionId, billId);
        }
        String anomalies = web.get().uri("/api/v1/operator/anomalies?limit=1000").headers(TestCallers.operator2())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(anomalies).doesNotContain(victimLot.id());
        // the victim does see their own, so the lists above are not empty by accident
        assertThat(web.get().uri("/api/v1/me/bills").headers(victimDriver).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).contains(billId);
    }

    /**
     * Every route of the running application is either probed in {@link #probes()} or classified in
     * {@link #CLASSIFIED}; no probe or classification names a route that does not exist.
     */
    @Test
    void everyRouteHasAnAuthorizationDecision() {
        Set<String> routes = routes(context);
        Set<String> decided = new TreeSet<>(CLASSIFIED.keySet());
        probes().forEach(probe -> decided.add(probe.route()));
        Set<String> undecided = new TreeSet<>(routes);
        undecided.removeAll(decided);
        Set<String> stale = new TreeSet<>(decided);
        stale.removeAll(routes);
        assertThat(undecided).as("routes without a BOLA probe or a classification in BolaIntegrationTest "
                + "(see its Javadoc: one line in CLASSIFIED or a probe)").isEmpty();
        assertThat(stale).as("BolaIntegrationTest names routes the application no longer has").isEmpty();
    }

    /** {@code "METHOD /pattern"} of every handler method and {@code "ROUTER <predicate>"} of every router route. */
    static Set<String> routes(ApplicationContext context) {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Collection<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<String> names = methods.isEmpty() ? List.of("ANY")
                        : methods.stream().map(RequestMethod::name).toList();
                info.getPatternsCondition().getPatterns().forEach(pattern ->
                        names.forEach(method -> routes.add(method + " " + pattern.getPatternString())));
            }
        }
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            if (mapping.getRouterFunction() != null) {
                List<String> found = new ArrayList<>();
                mapping.getRouterFunction().accept(new RouterFunctions.Visitor() {
                    @Override
                    public void startNested(org.springframework.web.reactive.function.server.RequestPredicate p) {
                    }

                    @Override
                    public void endNested(org.springframework.web.reactive.function.server.RequestPredicate p) {
                    }

                    @Override
                    public void route(org.springframework.web.reactive.function.server.RequestPredicate predicate,
                            org.springframework.web.reactive.function.server.HandlerFunction<?> handler) {
                        found.add("ROUTER " + predicate);
                    }

                    @Override
                    public void resources(java.util.function.Function<org.springframework.web.reactive.function
                            .server.ServerRequest, reactor.core.publisher.Mono<org.springframework.core.io.Resource>> f) {
                        found.add("ROUTER resources " + f);
                    }

                    @Override
                    public void attributes(Map<String, Object> attributes) {
                    }

                    @Override
                    public void unknown(org.springframework.web.reactive.function.server.RouterFunction<?> f) {
                        found.add("ROUTER " + f);
                    }
                });
                routes.addAll(found);
            }
        }
        return routes;
    }

    /** The victims' rows (sessions, bills, payments, bindings, anomalies, the lot, keys) and their places in Redis. */
    String victimState() {
        String rows = database.sql("""
                        SELECT concat_ws(' # ',
                          (SELECT string_agg(s::text, '|' ORDER BY s.id) FROM parking_session s
                             WHERE s.plate IN (:plate, :onStreet) OR s.place_id = :lot OR s.bay_id = :bay),
                          (SELECT string_agg(b::text, '|' ORDER BY b.id) FROM bill b WHERE b.plate = :plate),
                          (SELECT string_agg(p::text, '|' ORDER BY p.id) FROM payment p
                             JOIN bill b ON b.id = p.bill_id WHERE b.plate = :plate),
                          (SELECT string_agg(v::text, '|') FROM vehicle_binding v WHERE v.plate = :plate),
                          (SELECT string_agg(a::text, '|') FROM autopay_binding a WHERE a.plate = :plate),
                          (SELECT count(*)::text FROM session_anomaly WHERE place_id IN (:lot, :segment)),
                          (SELECT string_agg(l::text, '|') FROM lot l WHERE l.id = :lot),
                          (SELECT count(*)::text FROM bay WHERE lot_id = :lot),
                          (SELECT string_agg(k.key_id || ':' || k.operator_id || ':' || coalesce(k.revoked_at::text, '-'),
                             '|' ORDER BY k.key_id) FROM operator_api_key k WHERE k.operator_id IN (:op1, :op2)))
                          AS state
                        """)
                .bind("plate", victimPlate).bind("onStreet", onStreetPlate).bind("lot", victimLot.id())
                .bind("bay", victimBay).bind("segment", victimSegment)
                .bind("op1", TestCallers.OPERATOR_1.value()).bind("op2", TestCallers.OPERATOR_2.value())
                .map(row -> row.get("state", String.class)).one().block();
        return rows + " # " + redisState();
    }

    private String redisState() {
        return Stream.of("av:{L:" + victimLot.id() + "}", "av:{S:" + victimSegment + "}")
                .map(key -> key + "=" + new TreeMap<>(redis.opsForHash().entries(key)
                        .collectMap(e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))
                        .block()))
                .reduce("", String::concat);
    }
}
