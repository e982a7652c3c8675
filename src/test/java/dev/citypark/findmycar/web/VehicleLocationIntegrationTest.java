package dev.citypark.findmycar.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.core.Crs;
import dev.citypark.core.LatLon;
import dev.citypark.core.LotId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.GateKind;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.WalkNode;
import dev.citypark.security.TestCallers;
import dev.citypark.session.CityFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/vehicles/{plate}/location} on a committed garage with an indoor model: the car enters through
 * the real gate API (which answers the one-time locate code) and a garage camera places it on a bay of a lower
 * floor; then the privacy rule (bound driver and right code 200; other driver, wrong code, anonymous, unknown plate
 * 404 with one body; malformed plate 400) and the walking route across floors from a QR anchor.
 */
@CityparkIntegrationTest
class VehicleLocationIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    private Lot garage;
    private IndoorModel model;
    private Bay bay;
    private WalkNode anchor;
    private String plate;
    private Consumer<HttpHeaders> owner;
    private String locateCode;

    @BeforeEach
    void parkACar() {
        garage = registry.snapshot().findLot(LotId.of("QD-L-00005")).orElseThrow();
        model = garage.indoorModel();
        // a bay on the deepest floor, an anchor on the street-level floor: the route changes floors
        int deepest = model.floors().stream().mapToInt(f -> f.level()).min().orElseThrow();
        int highest = model.floors().stream().mapToInt(f -> f.level()).max().orElseThrow();
        bay = model.listBaysOn(deepest).get(0);
        anchor = model.nodes().stream().filter(n -> n.floor() == highest && n.qrAnchor() != null)
                .min(Comparator.comparing(WalkNode::id)).orElseThrow();
        assertThat(anchor.floor()).isNotEqualTo(bay.floor());
        plate = CityFixtures.freshPlate();
        owner = TestCallers.driver(web, CityFixtures.freshPhone());
        web.put().uri("/api/v1/me/vehicles/{plate}", plate).headers(owner).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plateColour", "BLUE", "verificationCode", "888888")).exchange()
                .expectStatus().isOk();
        String entryGate = garage.gates().stream().filter(g -> g.kind() == GateKind.ENTRY).findFirst()
                .orElseThrow().id().value();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        JsonNode entered = gateEvent(Map.of("lotId", garage.id().value(), "gateId", entryGate, "direction", "ENTRY",
                "plate", plate, "plateColour", "BLUE", "observedAt", at.toString()));
        locateCode = entered.get("locateCode").asString();
        assertThat(locateCode).matches("[2-9A-HJKMNP-Z]{6}");
        // the garage camera places the car on its bay: same session, no new code
        JsonNode placed = gateEvent(Map.of("lotId", garage.id().value(), "gateId", entryGate, "direction", "ENTRY",
                "plate", plate, "plateColour", "BLUE", "observedAt", at.plusSeconds(30).toString(),
                "bayId", bay.id().value()));
        assertThat(placed.get("sessionId").asString()).isEqualTo(entered.get("sessionId").asString());
        assertThat(placed.get("locateCode").isNull()).isTrue();
    }

    @Test
    void showsTheBoundDriverTheCarAndTheWalkAcrossFloors() {
        LatLon gcjBay = Crs.GCJ02.fromWgs84(bay.point());

        JsonNode body = web.get().uri("/api/v1/vehicles/{plate}/location?from={from}&crs=gcj02", plate,
                        anchor.qrAnchor())
                .headers(owner).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(body.get("placeId").asString()).isEqualTo(garage.id().value());
        assertThat(body.get("bayId").asString()).isEqualTo(bay.id().value());
        assertThat(body.get("floor").asInt()).isEqualTo(bay.floor());
        assertThat(body.get("floorName").asString()).isNotBlank();
        assertThat(body.get("zoneId").asString()).isEqualTo(bay.zoneId());
        assertThat(body.get("crs").asString()).isEqualTo("gcj02");
        assertThat(body.get("point").get("lat").asDouble()).isEqualTo(gcjBay.lat());
        assertThat(body.get("point").get("lon").asDouble()).isEqualTo(gcjBay.lon());
        assertThat(body.get("parkedSince").asString()).isNotBlank();
        JsonNode route = body.get("route");
        assertThat(route.get("totalMetres").asDouble()).isPositive();
        JsonNode waypoints = route.get("waypoints");
        assertThat(waypoints.get(0).get("floor").asInt()).isEqualTo(anchor.floor());
        assertThat(waypoints.get(waypoints.size() - 1).get("floor").asInt()).isEqualTo(bay.floor());
        assertThat(route.get("instructions").size()).isPositive();
        assertThat(route.get("instructions").get(0).get("zh").asString()).isNotBlank();
    }

    @Test
    void showsTheCarToWhoeverHasTheLocateCode() {
        web.get().uri("/api/v1/vehicles/{plate}/location", plate)
                .header("X-Locate-Code", locateCode.toLowerCase()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.bayId").isEqualTo(bay.id().value());
        // once allowed: an anchor the garage does not have is the caller's mistake, a 400 naming from
        web.get().uri("/api/v1/vehicles/{plate}/location?from=QD-L-99999.NOWHERE", plate)
                .header("X-Locate-Code", locateCode).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    @Test
    void answersEveryoneElseWithOneAndTheSame404() {
        String otherDriver = notFoundBody(web.get().uri("/api/v1/vehicles/{plate}/location", plate)
                .headers(TestCallers.driver(web, CityFixtures.freshPhone())));
        String wrongCode = notFoundBody(web.get().uri("/api/v1/vehicles/{plate}/location", plate)
                .header("X-Locate-Code", locateCode.equals("222222") ? "333333" : "222222"));
        String anonymous = notFoundBody(web.get().uri("/api/v1/vehicles/{plate}/location", plate));
        assertThat(wrongCode).isEqualTo(otherDriver).isEqualTo(anonymous);
        // a plate nobody parked: the same kind of answer, even with a code
        String nobody = CityFixtures.freshPlate();
        notFoundBody(web.get().uri("/api/v1/vehicles/{plate}/location", nobody).header("X-Locate-Code", locateCode));
        web.get().uri("/api/v1/vehicles/{plate}/location", "XB12345").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("plate");
    }

    private String notFoundBody(WebTestClient.RequestHeadersSpec<?> request) {
        return request.exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody(String.class).returnResult().getResponseBody()
                .replaceAll(",?\"requestId\":\"[^\"]*\"", ""); // differs per request by design
    }

    private JsonNode gateEvent(Map<String, Object> body) {
        return web.post().uri("/api/v1/operator/gate-events").headers(TestCallers.operator1())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().is2xxSuccessful()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
