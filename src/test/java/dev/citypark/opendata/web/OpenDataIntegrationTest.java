package dev.citypark.opendata.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import java.time.Duration;
import java.time.Instant;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.SignedRecords;
import dev.citypark.availability.TestPlaces;
import dev.citypark.occupancy.LotCount;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.security.RecordSignatures;
import dev.citypark.security.TestCallers;
import org.awaitility.Awaitility;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import dev.citypark.opendata.Datex2Schema;
import dev.citypark.opendata.FiwareSchemas;
import dev.citypark.opendata.NgsiType;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The open-data endpoints end to end on the real application and the committed city in the shared test database:
 * content types, paging, caching headers, ETag/304, problems for bad input, and the bodies against the official
 * schemas. Live values come from the shared Redis, which other test classes fill: a place is either published with a
 * fresh value or as unknown, and a lot this class reports itself must be published with its count.
 */
@CityparkIntegrationTest
class OpenDataIntegrationTest {

    private static final String ENTITIES = "/api/v1/opendata/ngsi-ld/entities";
    private static final ParameterizedTypeReference<List<Map<String, Object>>> ENTITY_LIST =
            new ParameterizedTypeReference<>() {
            };

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RecordSignatures signatures;

    TestPlaces places;

    private final FiwareSchemas fiware = new FiwareSchemas();

    @BeforeEach
    void allowLargeBodies() {
        places = new TestPlaces(registry, redis);
        web = web.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
    }

    @Test
    void listsKeyValuesEntitiesAsJsonWithContextLinkCountAndCaching() {
        List<Map<String, Object>> lots = web.get().uri(ENTITIES + "?type=OffStreetParking&limit=5&count=true")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("NGSILD-Results-Count", Integer.toString(registry.snapshot().lotCount()))
                .expectHeader().valueMatches(HttpHeaders.LINK, "<https://raw.githubusercontent.com/smart-data-models/"
                        + "dataModel.Parking/master/context.jsonld>; rel=\"http://www.w3.org/ns/json-ld#context\".*")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=30, public")
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectBody(ENTITY_LIST).returnResult().getResponseBody();

        Lot first = registry.snapshot().listLots(null, l -> true, null, 1).get(0);
        assertThat(lots).hasSize(5);
        assertThat(lots.get(0)).containsEntry("id", "urn:ngsi-ld:OffStreetParking:" + first.id().value())
                .containsEntry("totalSpotNumber", first.capacity().total())
                .doesNotContainKeys("@context");
        lots.forEach(lot -> assertThat(fiware.errorsOf(NgsiType.OFF_STREET_PARKING, lot)).isEmpty());
    }

    @Test
    void ldJsonGivesNormalizedEntitiesWithEmbeddedContext() {
        List<Map<String, Object>> spots = web.get().uri(ENTITIES + "?type=ParkingSpot&limit=50&offset=100")
                .accept(MediaType.parseMediaType("application/ld+json"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/ld+json")
                .expectHeader().doesNotExist(HttpHeaders.LINK)
                .expectBody(ENTITY_LIST).returnResult().getResponseBody();

        assertThat(spots).hasSize(50);
        assertThat(spots.get(0).get("@context")).isEqualTo(List.of(OpenDataController.PARKING_CONTEXT,
                OpenDataController.CORE_CONTEXT));
        assertThat(spots).allSatisfy(spot -> assertThat(((Map<?, ?>) spot.get("status")).get("value"))
                .isIn("free", "occupied", "closed", "unknown"));
        spots.forEach(spot -> assertThat(fiware.errorsOf(NgsiType.PARKING_SPOT, FiwareSchemas.unwrap(spot)))
                .isEmpty());
    }

    @Test
    void optionsChooseTheFormWhateverTheMediaType() {
        List<Map<String, Object>> keyValues = web.get()
                .uri(ENTITIES + "?type=OnStreetParking&limit=20&options=keyValues")
                .accept(MediaType.parseMediaType("application/ld+json"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(ENTITY_LIST).returnResult().getResponseBody();
        List<Map<String, Object>> normalized = web.get()
                .uri(ENTITIES + "?type=OnStreetParking&limit=20&options=normalized")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(ENTITY_LIST).returnResult().getResponseBody();

        assertThat(keyValues.get(0).get("name")).isInstanceOf(String.class);
        assertThat(keyValues.get(0)).containsKey("@context");
        for (int i = 0; i < 20; i++) {
            assertThat(fiware.errorsOf(NgsiType.ON_STREET_PARKING, keyValues.get(i))).isEmpty();
            Map<String, Object> unwrapped = FiwareSchemas.unwrap(normalized.get(i));
            assertThat(fiware.errorsOf(NgsiType.ON_STREET_PARKING, unwrapped)).isEmpty();
            Map<String, Object> expected = new java.util.LinkedHashMap<>(keyValues.get(i));
            expected.remove("@context");
            assertThat(unwrapped).isEqualTo(expected);
        }
    }

    @Test
    void pagesEndAtTheLastEntityAndRefuseOversizedPages() {
        int lots = registry.snapshot().lotCount();
        web.get().uri(ENTITIES + "?type=OffStreetParking&offset=" + (lots - 3) + "&limit=1000")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(3);
        web.get().uri(ENTITIES + "?type=OffStreetParking&limit=1001")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    @Test
    void badOrMissingTypeIsAValidationProblem() {
        web.get().uri(ENTITIES + "?type=Vehicle").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("OffStreetParking"));
        web.get().uri(ENTITIES).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        web.get().uri(ENTITIES + "?type=ParkingSpot&options=sysAttrs").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("options");
    }

    @Test
    void getsOneEntityByIdAndUnknownIdsAreNotFound() {
        Lot lot = registry.snapshot().listLots(null, Lot::parkAndRide, null, 1).get(0);
        Map<String, Object> entity = web.get().uri(ENTITIES + "/urn:ngsi-ld:OffStreetParking:" + lot.id().value())
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(entity).containsEntry("usageScenario", List.of("parkAndRide"));
        assertThat(fiware.errorsOf(NgsiType.OFF_STREET_PARKING, entity)).isEmpty();

        web.get().uri(ENTITIES + "/urn:ngsi-ld:OffStreetParking:QD-L-99999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:not-found");
        web.get().uri(ENTITIES + "/urn:ngsi-ld:ParkingSpot:QD-NOPE-1").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void unchangedEntitiesAnswerNotModified() {
        String etag = web.get().uri(ENTITIES + "?type=ParkingSpot&limit=10").exchange()
                .expectStatus().isOk()
                .returnResult(byte[].class).getResponseHeaders().getETag();

        web.get().uri(ENTITIES + "?type=ParkingSpot&limit=10").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
    }

    @Test
    void parkingTableIsValidDatex2XmlCachedLongWithEtag() {
        var result = web.get().uri("/api/v1/opendata/datex2/parking-table").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=3600, public")
                .expectBody(byte[].class).returnResult();
        byte[] xml = result.getResponseBody();
        String etag = result.getResponseHeaders().getETag();

        assertThat(new Datex2Schema().errorsOf(xml)).isEmpty();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text.split("xsi:type=\"prk:Place\"", -1)).hasSize(registry.snapshot().lotCount() + 1);
        web.get().uri("/api/v1/opendata/datex2/parking-table").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified();
        web.get().uri("/api/v1/opendata/datex2/parking-table").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag);
    }

    @Test
    void parkingStatusIsValidDatex2XmlWithALiveCountOrUnknownPerLot() {
        Lot lot = places.countedLotsOf(TestCallers.OPERATOR_1, 60, 1).get(0);
        int general = lot.capacity().count(SpaceCategory.GENERAL);
        kafka.send(SignedRecords.signed(signatures, lot.id().value(), new LotCount(lot.operator(), lot.id(),
                Instant.now(), Map.of(SpaceCategory.GENERAL, general - 7), Map.of(), false, null))).join();
        String marker = "id=\"" + lot.id().value() + "\"";
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String status = new String(web.get().uri("/api/v1/opendata/datex2/parking-status").exchange()
                    .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody(),
                    StandardCharsets.UTF_8);
            int at = status.indexOf(marker);
            assertThat(at).isNotNegative();
            assertThat(status.substring(at, status.indexOf("</prk:parkingStatusInformation>", at)))
                    .doesNotContain("<prk:status>unknown</prk:status>").contains("numberOfVacantSpaces");
        });

        byte[] xml = web.get().uri("/api/v1/opendata/datex2/parking-status").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_XML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=30, public")
                .expectHeader().exists(HttpHeaders.ETAG)
                .expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(new Datex2Schema().errorsOf(xml)).isEmpty();
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text.split("<prk:parkingStatusInformation ", -1)).hasSize(registry.snapshot().lotCount() + 1);
    }

    @Test
    void datex2IsXmlOnly() {
        web.get().uri("/api/v1/opendata/datex2/parking-status").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri(ENTITIES + "?type=ParkingSpot").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(406);
    }
}
