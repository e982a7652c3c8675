package dev.citypark.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.citypark.CityparkIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * The simulator briefly at 60×, restricted to 莱西 (370285) so it stays out of other tests' places: live availability
 * moves and sessions open, seen through the public API only. Its context is closed after the class, which stops the
 * simulator (it would otherwise keep reporting into the shared Redis while later test classes run).
 */
@CityparkIntegrationTest
@TestPropertySource(properties = {
        "citypark.simulator.enabled=true",
        "citypark.simulator.speed=60",
        "citypark.simulator.seed=424242",
        "citypark.simulator.districts=370285",
        "citypark.simulator.segment-share=0.05",
        "citypark.simulator.gated-lots=3",
        "citypark.simulator.drivers=3",
        "citypark.simulator.warm-up=2s",
        "citypark.simulator.lot-report-interval=3s",
        "citypark.simulator.payment-interval=5s",
        "citypark.simulator.admin-token=${citypark.security.admin-token}",
        "citypark.simulator.driver-sign-in-code=${citypark.security.dev-verification-code}",
        "citypark.simulator.plate-verification-code=${citypark.session.verification.simulated-code}"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SimulatorIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    WebTestClient web;

    @Autowired
    CitySimulator simulator;

    @Test
    void liveAvailabilityMovesAndSessionsOpenThroughThePublicPaths() {
        await().atMost(PATIENCE).until(() -> simulator.simulation() != null && simulator.sentRecords() > 0);
        Simulation sim = simulator.simulation();
        String lot = sim.gatedLotIds().get(0);

        // the lot's counter reports every few seconds: its live state appears and then changes
        await().atMost(PATIENCE).until(() -> updatedAt(lot) != null);
        String first = updatedAt(lot);
        await().atMost(PATIENCE).until(() -> {
            String now = updatedAt(lot);
            return now != null && !now.equals(first);
        });

        // the box around 莱西 shows the simulated places with live counts
        JsonNode box = web.get().uri("/api/v1/availability?bbox=120.3,36.7,120.7,37.0").exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(box.get("places").valueStream().filter(p -> p.hasNonNull("updatedAt")).count()).isPositive();

        // gate events open sessions: a simulated driver sees a session of their own plates
        await().atMost(PATIENCE).until(() -> simulator.gateEventsSent() > 0 && sim.sessionsOpen() > 0);
        List<CitySimulator.Driver> drivers = simulator.drivers();
        assertThat(drivers).isNotEmpty();
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(2)).until(() -> drivers.stream()
                .anyMatch(driver -> !sessionsOf(driver.phone).isEmpty()));
    }

    private String updatedAt(String lot) {
        JsonNode body = web.get().uri("/api/v1/availability/lots/{id}", lot).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode updated = body.get("updatedAt");
        return updated == null || updated.isNull() ? null : updated.asString();
    }

    private List<JsonNode> sessionsOf(String phone) {
        JsonNode token = web.post().uri("/api/v1/auth/driver-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "code", "123456")).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode sessions = web.get().uri("/api/v1/me/sessions")
                .headers(h -> h.setBearerAuth(token.get("accessToken").asString())).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return sessions.valueStream().toList();
    }
}
