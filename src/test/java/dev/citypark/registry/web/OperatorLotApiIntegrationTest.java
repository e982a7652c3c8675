package dev.citypark.registry.web;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.LotId;
import dev.citypark.core.Outbox;
import dev.citypark.registry.Lot;
import dev.citypark.registry.OperatorLots;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.TestLots;
import dev.citypark.security.TestCallers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** PUT /api/v1/operator/lots/{id} over HTTP with the dev operators' API keys. */
@CityparkIntegrationTest
class OperatorLotApiIntegrationTest {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    OperatorLots lots;

    @Autowired
    DatabaseClient database;

    @Autowired
    Outbox outbox;

    double lat;
    double lon;

    @BeforeEach
    void placeInShinan() {
        Point inside = registry.snapshot().findDistrict("370202").orElseThrow().area().getInteriorPoint();
        lat = inside.getY();
        lon = inside.getX();
    }

    @AfterEach
    void removeTestLots() {
        TestLots.removeAll(database, outbox, lots);
        assertThat(registry.snapshot().totalSpaces()).isEqualTo(300_000);
    }

    private WebTestClient.ResponseSpec put(LotId id, ObjectNode feature, java.util.function.Consumer<
            org.springframework.http.HttpHeaders> caller) {
        return web.put().uri("/api/v1/operator/lots/" + id).headers(caller).contentType(GEO_JSON)
                .bodyValue(feature.toString()).exchange();
    }

    @Test
    void createsThenUpdatesWithETagsAndVersions() {
        LotId id = TestLots.newId();
        ObjectNode feature = TestLots.surfaceLot(id, TestCallers.OPERATOR_1, lat, lon);
        put(id, feature, TestCallers.operator1())
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectHeader().valueEquals("Location", "/api/v1/lots/" + id)
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.id").isEqualTo(id.value());
        web.get().uri("/api/v1/lots/" + id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");

        ((ObjectNode) feature.get("properties")).put("name", "测试停车场二期");
        web.put().uri("/api/v1/operator/lots/" + id).headers(TestCallers.operator1()).contentType(GEO_JSON)
                .accept(GEO_JSON).header("If-Match", "\"1\"").bodyValue(feature.toString()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/geo+json")
                .expectHeader().valueEquals("ETag", "\"2\"")
                .expectBody()
                .jsonPath("$.type").isEqualTo("Feature")
                .jsonPath("$.properties.version").isEqualTo(2)
                .jsonPath("$.properties.name").isEqualTo("测试停车场二期");
        assertThat(registry.snapshot().findLot(id).orElseThrow().name()).isEqualTo("测试停车场二期");

        // the same If-Match again is stale: 412; a stale body version: 409
        web.put().uri("/api/v1/operator/lots/" + id).headers(TestCallers.operator1()).contentType(GEO_JSON)
                .header("If-Match", "\"1\"").bodyValue(feature.toString()).exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:precondition-failed");
        ((ObjectNode) feature.get("properties")).put("version", 1);
        put(id, feature, TestCallers.operator1())
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:conflict");
        web.put().uri("/api/v1/operator/lots/" + id).headers(TestCallers.operator1()).contentType(GEO_JSON)
                .header("If-None-Match", "*").bodyValue(feature.toString()).exchange()
                .expectStatus().isEqualTo(412);
        assertThat(registry.snapshot().findLot(id).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void theReadmeExampleIsAccepted() {
        LotId id = TestLots.newId();
        String body = """
                {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[120.4000,36.0800],[120.4008,36.0800],
                 [120.4008,36.0808],[120.4000,36.0808],[120.4000,36.0800]]]},
                 "properties":{"operator":"OP-GAR-01","name":"测试停车场","nameEn":"Test Car Park",
                 "address":"山东省青岛市市南区测试路1号","districtCode":"370202","point":[120.4004,36.0804],
                 "gates":[{"id":"QD-L-90001-G1","kind":"BOTH","point":[120.4004,36.0800]}],
                 "capacity":{"GENERAL":50,"EV_CHARGING":5},"openingHours":"24/7","tariffId":"QD-T1-CORE",
                 "type":"SURFACE","parkAndRide":false}}""".replace("QD-L-90001", id.value());
        web.put().uri("/api/v1/operator/lots/" + id).headers(TestCallers.operator1()).contentType(GEO_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.totalSpaces").isEqualTo(55).jsonPath("$.crs").isEqualTo("wgs84");
    }

    @Test
    void anotherOperatorsLotIsForbiddenAndAnonymousIsUnauthorized() {
        Lot foreign = registry.snapshot().listLotsOf(TestCallers.OPERATOR_2).get(0);
        ObjectNode feature = TestLots.surfaceLot(foreign.id(), TestCallers.OPERATOR_1, lat, lon);
        ((ObjectNode) feature.get("properties")).put("version", foreign.version());
        put(foreign.id(), feature, TestCallers.operator1())
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:forbidden");
        assertThat(registry.snapshot().findLot(foreign.id())).contains(foreign);

        LotId id = TestLots.newId();
        put(id, TestLots.surfaceLot(id, TestCallers.OPERATOR_1, lat, lon), TestCallers.operator2())
                .expectStatus().isForbidden();
        put(id, TestLots.surfaceLot(id, TestCallers.OPERATOR_1, lat, lon), headers -> { })
                .expectStatus().isUnauthorized();
        web.get().uri("/api/v1/lots/" + id).exchange().expectStatus().isNotFound();
    }

    @Test
    void invalidFeaturesAreProblemsNamingTheFieldAndWriteNothing() {
        LotId id = TestLots.newId();
        RegistrySnapshot before = registry.snapshot();
        web.put().uri("/api/v1/operator/lots/" + id).headers(TestCallers.operator1()).contentType(GEO_JSON)
                .bodyValue("{\"type\": \"Feature\", ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:validation");

        ObjectNode bowTie = TestLots.surfaceLot(id, TestCallers.OPERATOR_1, lat, lon);
        ArrayNode ring = (ArrayNode) bowTie.get("geometry").get("coordinates").get(0);
        JsonNode second = ring.get(1).deepCopy();
        ring.set(1, ring.get(2).deepCopy());
        ring.set(2, second);
        put(id, bowTie, TestCallers.operator1())
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("geometry")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Self-intersection"));

        ObjectNode negative = TestLots.surfaceLot(id, TestCallers.OPERATOR_1, lat, lon);
        ((ObjectNode) negative.get("properties").get("capacity")).put("GENERAL", -5);
        put(id, negative, TestCallers.operator1())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("properties.capacity.GENERAL");

        web.put().uri("/api/v1/operator/lots/" + id).headers(TestCallers.operator1())
                .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isEqualTo(415);
        web.put().uri("/api/v1/operator/lots/" + id + "?crs=itrf").headers(TestCallers.operator1())
                .contentType(GEO_JSON).bodyValue(TestLots.surfaceLot(id, TestCallers.OPERATOR_1, lat, lon).toString())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("crs");
        web.put().uri("/api/v1/operator/lots/" + id).headers(TestCallers.operator1()).header("If-Match", "3")
                .contentType(GEO_JSON).bodyValue(TestLots.surfaceLot(id, TestCallers.OPERATOR_1, lat, lon).toString())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("If-Match");

        assertThat(registry.snapshot()).isSameAs(before);
        web.get().uri("/api/v1/lots/" + id).exchange().expectStatus().isNotFound();
    }

    @Test
    void featureInGcj02IsStoredInWgs84WithinOneMetreAndAnsweredInGcj02() {
        LotId id = TestLots.newId();
        ObjectNode wgs = TestLots.surfaceLot(id, TestCallers.OPERATOR_1, lat, lon);
        ObjectNode gcj = wgs.deepCopy();
        new CoordinateConversion(Crs.GCJ02).treeFromWgs84(gcj);
        byte[] body = web.put().uri("/api/v1/operator/lots/" + id + "?crs=gcj02").headers(TestCallers.operator1())
                .contentType(GEO_JSON).bodyValue(gcj.toString()).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("Content-Crs", "gcj02")
                .expectBody().returnResult().getResponseBody();
        JsonNode answer = JSON.readTree(body);
        Lot stored = registry.snapshot().findLot(id).orElseThrow();
        GeoPoint intended = GeoPoint.of(wgs.get("properties").get("point").get(1).doubleValue(),
                wgs.get("properties").get("point").get(0).doubleValue());
        assertThat(stored.point().distanceMetresTo(intended)).isLessThanOrEqualTo(1.0);
        assertThat(answer.get("crs").stringValue()).isEqualTo("gcj02");
        assertThat(Crs.GCJ02.toWgs84(answer.get("point").get("lat").doubleValue(),
                answer.get("point").get("lon").doubleValue()).distanceMetresTo(intended)).isLessThanOrEqualTo(1.0);
    }
}
