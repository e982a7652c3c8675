package dev.citypark.session.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.registry.Registry;
import dev.citypark.security.TestCallers;
import dev.citypark.session.CityFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.citypark.session.CityFixtures.freshPlate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input table of the issue for gate events: each case is a problem+json 4xx with a stable type (and the
 * offending field for validation errors), and nothing about the plate is written: no session, bill, anomaly or
 * outbox row.
 */
@CityparkIntegrationTest
class GateEventBadInputIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    DatabaseClient database;

    record Case(String name, Consumer<HttpHeaders> caller, Map<String, Object> changes, int status, String type,
                String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        return Stream.of(
                new Case("unknown lot", TestCallers.operator1(), Map.of("lotId", "QD-L-NOPE"), 404, "not-found", null),
                new Case("unknown gate", TestCallers.operator1(), Map.of("gateId", "QD-L-NOPE-G9"), 404, "not-found",
                        null),
                new Case("lot of another operator", TestCallers.operator2(), Map.of(), 403, "forbidden", null),
                new Case("malformed plate", TestCallers.operator1(), Map.of("plate", "鲁B1234I"), 400, "validation",
                        "plate"),
                new Case("unknown plate colour", TestCallers.operator1(), Map.of("plateColour", "PINK"), 400,
                        "validation", "plateColour"),
                new Case("observedAt in the future", TestCallers.operator1(), Map.of("observedAt", future), 400,
                        "validation", "observedAt"),
                new Case("observedAt not an instant", TestCallers.operator1(), Map.of("observedAt", "yesterday"), 400,
                        "validation", "observedAt"),
                new Case("direction unknown", TestCallers.operator1(), Map.of("direction", "IN"), 400, "validation",
                        "direction"),
                new Case("entry reported by an exit gate", TestCallers.operator1(), Map.of("gate", "EXIT"), 400,
                        "validation", "direction"),
                new Case("confidence above 1", TestCallers.operator1(), Map.of("confidence", 1.5), 400, "validation",
                        "confidence"),
                new Case("bay of another lot", TestCallers.operator1(), Map.of("bayId", "QD-S-00001-01"), 400,
                        "validation", "bayId"),
                new Case("no credentials", h -> { }, Map.of(), 401, "unauthorized", null))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithAProblemAndWritesNothing(Case c) {
        CityFixtures.GatedLot lot = CityFixtures.lotOf(registry, TestCallers.OPERATOR_1, "QD-T1-CORE");
        String plate = freshPlate();
        Map<String, Object> body = new HashMap<>(Map.of("lotId", lot.id(), "gateId", lot.entryGate(),
                "direction", "ENTRY", "plate", plate, "plateColour", "BLUE", "observedAt", "2025-03-03T01:00:00Z",
                "confidence", 0.9));
        body.putAll(c.changes());
        if ("EXIT".equals(body.remove("gate"))) {
            body.put("gateId", lot.exitGate());
        }

        WebTestClient.BodyContentSpec problem = web.post().uri("/api/v1/operator/gate-events").headers(c.caller())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(c.status())
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:" + c.type());
        if (c.field() != null) {
            problem.jsonPath("$.errors[0].field").isEqualTo(c.field());
        }
        assertNothingWritten(plate);
    }

    @ParameterizedTest(name = "exit earlier than its entry")
    @MethodSource("exitBeforeEntry")
    void refusesAnExitEarlierThanItsEntry(String entryAt, String exitAt) {
        CityFixtures.GatedLot lot = CityFixtures.lotOf(registry, TestCallers.OPERATOR_1, "QD-T1-CORE");
        String plate = freshPlate();
        post(Map.of("lotId", lot.id(), "gateId", lot.entryGate(), "direction", "ENTRY", "plate", plate,
                "plateColour", "BLUE", "observedAt", entryAt)).expectStatus().isCreated();

        post(Map.of("lotId", lot.id(), "gateId", lot.exitGate(), "direction", "EXIT", "plate", plate,
                "plateColour", "BLUE", "observedAt", exitAt))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("observedAt");

        assertThat(count("SELECT count(*) FROM parking_session WHERE plate = :plate AND status = 'ACTIVE'", plate))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM bill WHERE plate = :plate", plate)).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE payload->>'plate' = :plate", plate)).isEqualTo(1);
    }

    static Stream<Arguments> exitBeforeEntry() {
        return Stream.of(Arguments.of("2025-03-03T05:00:00Z", "2025-03-03T04:00:00Z"));
    }

    private WebTestClient.ResponseSpec post(Map<String, Object> body) {
        return web.post().uri("/api/v1/operator/gate-events").headers(TestCallers.operator1())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void assertNothingWritten(String plate) {
        assertThat(count("SELECT count(*) FROM parking_session WHERE plate = :plate", plate)).isZero();
        assertThat(count("SELECT count(*) FROM session_anomaly WHERE plate = :plate", plate)).isZero();
        assertThat(count("SELECT count(*) FROM bill WHERE plate = :plate", plate)).isZero();
        assertThat(count("SELECT count(*) FROM outbox WHERE payload->>'plate' = :plate", plate)).isZero();
    }

    private long count(String sql, String plate) {
        return database.sql(sql).bind("plate", plate).map(row -> row.get(0, Long.class)).one().block();
    }
}
