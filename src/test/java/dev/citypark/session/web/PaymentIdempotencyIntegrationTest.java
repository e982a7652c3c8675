package dev.citypark.session.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.registry.Registry;
import dev.citypark.security.TestCallers;
import dev.citypark.session.CityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.citypark.session.CityFixtures.freshPhone;
import static dev.citypark.session.CityFixtures.freshPlate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying a bill with an Idempotency-Key: many parallel retries charge once and all get the same payment; a different
 * body with the same key is a 422; parallel payments with different keys still pay the bill once; a settled bill,
 * a wrong amount and a missing key are refused without writing anything.
 */
@CityparkIntegrationTest
class PaymentIdempotencyIntegrationTest {

    private static final int PARALLEL = 24;

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    DatabaseClient database;

    Consumer<HttpHeaders> driver;
    String billId;

    @BeforeEach
    void setUp() {
        CityFixtures.GatedLot lot = CityFixtures.lotOf(registry, TestCallers.OPERATOR_1, "QD-T1-CORE");
        String plate = freshPlate();
        driver = TestCallers.driver(web, freshPhone());
        web.put().uri("/api/v1/me/vehicles/{plate}", plate).headers(driver).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plateColour", "BLUE", "verificationCode", "888888")).exchange()
                .expectStatus().isOk();
        Map<String, Object> gate = Map.of("lotId", lot.id(), "plate", plate, "plateColour", "BLUE");
        post("/api/v1/operator/gate-events", with(gate, "gateId", lot.entryGate(), "direction", "ENTRY",
                "observedAt", "2025-03-03T01:00:00Z")).expectStatus().isCreated();
        billId = (String) post("/api/v1/operator/gate-events", with(gate, "gateId", lot.exitGate(),
                "direction", "EXIT", "observedAt", "2025-03-03T03:00:00Z"))
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("billId");
    }

    @Test
    void manyParallelRetriesWithOneKeyChargeOnce() throws Exception {
        String key = "retry-" + UUID.randomUUID();

        List<EntityExchangeResult<Map>> results = inParallel(i -> pay(key, 800));

        assertThat(results).extracting(r -> r.getStatus().value()).containsOnly(201);
        assertThat(results).extracting(r -> r.getResponseBody().get("paymentId")).containsOnly(
                results.get(0).getResponseBody().get("paymentId"));
        assertThat(results).extracting(r -> r.getResponseBody().get("status")).containsOnly("CONFIRMED");
        assertThat(results).filteredOn(r -> "false".equals(r.getResponseHeaders().getFirst("Idempotent-Replayed")))
                .hasSize(1);
        assertThat(count("SELECT count(*) FROM payment WHERE bill_id = CAST(:bill AS uuid)")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM bill WHERE id = CAST(:bill AS uuid) AND status = 'PAID'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox o JOIN bill b ON o.payload->>'sessionId' = b.session_id::text"
                + " WHERE b.id = CAST(:bill AS uuid) AND o.event_type = 'SessionSettled'")).isEqualTo(1);

        // a later retry answers from the stored result
        var replay = pay(key, 800);
        assertThat(replay.getStatus().value()).isEqualTo(201);
        assertThat(replay.getResponseHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.getResponseBody().get("paymentId")).isEqualTo(results.get(0).getResponseBody().get("paymentId"));
    }

    @Test
    void parallelPaymentsWithDifferentKeysPayTheBillOnce() throws Exception {
        List<EntityExchangeResult<Map>> results = inParallel(i -> pay("key-" + i + "-" + UUID.randomUUID(), 800));

        assertThat(results).filteredOn(r -> r.getStatus().value() == 201).hasSize(1);
        assertThat(results).filteredOn(r -> r.getStatus().value() == 409).hasSize(PARALLEL - 1);
        assertThat(count("SELECT count(*) FROM payment WHERE bill_id = CAST(:bill AS uuid) AND status = 'CONFIRMED'"))
                .isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsUnprocessable() {
        String key = "key-" + UUID.randomUUID();
        assertThat(pay(key, 800).getStatus().value()).isEqualTo(201);

        web.post().uri("/api/v1/me/bills/{id}/payments", billId).headers(driver).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amountFen", 800, "method", "ALIPAY"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:unprocessable");
    }

    @Test
    void refusesASettledBillAWrongAmountAndAMissingKeyWritingNothing() {
        var wrongAmount = pay("key-" + UUID.randomUUID(), 700);
        assertThat(wrongAmount.getStatus().value()).isEqualTo(409);
        assertThat(wrongAmount.getResponseBody().get("type")).isEqualTo("urn:citypark:problem:conflict");
        web.post().uri("/api/v1/me/bills/{id}/payments", billId).headers(driver)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amountFen", 800, "method", "ALIPAY"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        assertThat(count("SELECT count(*) FROM payment WHERE bill_id = CAST(:bill AS uuid)")).isZero();

        assertThat(pay("key-" + UUID.randomUUID(), 800).getStatus().value()).isEqualTo(201);
        var settled = pay("key-" + UUID.randomUUID(), 800);
        assertThat(settled.getStatus().value()).isEqualTo(409);
        assertThat((String) settled.getResponseBody().get("detail")).contains("already paid");
        assertThat(count("SELECT count(*) FROM payment WHERE bill_id = CAST(:bill AS uuid)")).isEqualTo(1);
    }

    @Test
    void anotherDriversBillIsNotFound() {
        web.post().uri("/api/v1/me/bills/{id}/payments", billId).headers(TestCallers.driver(web, freshPhone()))
                .header("Idempotency-Key", "key-" + UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amountFen", 800, "method", "ALIPAY"))
                .exchange()
                .expectStatus().isNotFound();
    }

    private EntityExchangeResult<Map> pay(String key, long amountFen) {
        return web.post().uri("/api/v1/me/bills/{id}/payments", billId).headers(driver).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amountFen", amountFen, "method", "WECHAT_PAY"))
                .exchange()
                .expectBody(Map.class)
                .returnResult();
    }

    private List<EntityExchangeResult<Map>> inParallel(java.util.function.IntFunction<EntityExchangeResult<Map>> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<EntityExchangeResult<Map>>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                int n = i;
                Callable<EntityExchangeResult<Map>> task = () -> {
                    start.await();
                    return call.apply(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<EntityExchangeResult<Map>> results = new ArrayList<>();
            for (Future<EntityExchangeResult<Map>> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        finally {
            pool.shutdownNow();
        }
    }

    private WebTestClient.ResponseSpec post(String path, Map<String, Object> body) {
        return web.post().uri(path).headers(TestCallers.operator1()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... pairs) {
        Map<String, Object> out = new java.util.HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    private long count(String sql) {
        return database.sql(sql).bind("bill", billId).map(row -> row.get(0, Long.class)).one().block();
    }
}
