package dev.citypark.registry.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.LatLon;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The public registry reads on the committed city (the shared test database holds all 300,000 spaces). */
@CityparkIntegrationTest
class RegistryReadApiIntegrationTest {

    /** Around the generated 市南区 (Shinan): the old town and the coast east to 浮山湾. */
    static final String SHINAN_BBOX = "120.30,36.04,120.45,36.11";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    private JsonNode getJson(String uri) {
        byte[] body = web.get().uri(uri).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private JsonNode getGeoJson(String uri) {
        byte[] body = web.get().uri(uri).accept(MediaType.parseMediaType("application/geo+json")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/geo+json")
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    @Test
    void bboxAroundShinanReturnsShinanLots() {
        JsonNode page = getJson("/api/v1/lots?bbox=" + SHINAN_BBOX);
        assertThat(page.get("crs").stringValue()).isEqualTo("wgs84");
        assertThat(page.get("items")).hasSize(100);
        assertThat(page.get("items").get(0).get("districtCode").stringValue()).isEqualTo("370202");
        assertThat(page.get("items").get(0).get("id").stringValue()).startsWith("QD-L-");
        assertThat(page.get("next").stringValue()).startsWith("/api/v1/lots?bbox=" + SHINAN_BBOX)
                .contains("cursor=" + page.get("cursor").stringValue());
    }

    @Test
    void districtsAddUpTo300000Spaces() {
        JsonNode body = getJson("/api/v1/districts");
        JsonNode items = body.get("items");
        assertThat(items).hasSize(10);
        long sum = 0;
        for (JsonNode district : items) {
            assertThat(district.get("totalSpaces").longValue()).isEqualTo(
                    district.get("onStreetSpaces").longValue() + district.get("offStreetSpaces").longValue());
            sum += district.get("totalSpaces").longValue();
        }
        // operator tests remove the lots they create, so between them the city is the committed one
        assertThat(sum).isEqualTo(body.get("total").get("totalSpaces").longValue()).isEqualTo(300_000);
        JsonNode shinan = items.get(0);
        assertThat(shinan.get("code").stringValue()).isEqualTo("370202");
        assertThat(shinan.get("name").stringValue()).isEqualTo("市南区");
        assertThat(shinan.get("nameEn").stringValue()).isEqualTo("Shinan District");
        assertThat(shinan.get("approximateArea").booleanValue()).isTrue();
    }

    @Test
    void pagingWalksABoxCompletelyWithoutDuplicates() {
        List<String> ids = new ArrayList<>();
        String uri = "/api/v1/lots?limit=37&bbox=" + SHINAN_BBOX;
        int pages = 0;
        while (uri != null) {
            JsonNode page = getJson(uri);
            page.get("items").forEach(item -> ids.add(item.get("id").stringValue()));
            uri = page.has("next") ? page.get("next").stringValue() : null;
            pages++;
            assertThat(pages).isLessThan(100);
        }
        Set<String> unique = new HashSet<>(ids);
        assertThat(unique).hasSameSizeAs(ids);
        Envelope box = new Envelope(120.30, 120.45, 36.04, 36.11);
        List<String> expected = registry.snapshot().listLots(box, lot -> true, null, Integer.MAX_VALUE).stream()
                .map(l -> l.id().value()).toList();
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(ids.size()).isGreaterThan(37 * 2);
    }

    @Test
    void segmentPagingWalksABoxCompletelyWithoutDuplicates() {
        List<String> ids = new ArrayList<>();
        String uri = "/api/v1/segments?limit=500&bbox=" + SHINAN_BBOX + "&district=370202";
        while (uri != null) {
            JsonNode page = getJson(uri);
            page.get("items").forEach(item -> ids.add(item.get("id").stringValue()));
            uri = page.has("next") ? page.get("next").stringValue() : null;
        }
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        long expected = registry.snapshot().listSegments(null, s -> s.districtCode().equals("370202")
                && s.geometry().getEnvelopeInternal().intersects(new Envelope(120.30, 120.45, 36.04, 36.11)),
                null, Integer.MAX_VALUE).size();
        assertThat(ids).hasSize((int) expected);
    }

    @Test
    void filtersByDistrictTypeAndOperator() {
        JsonNode page = getJson("/api/v1/lots?district=370203&type=UNDERGROUND&limit=1000");
        assertThat(page.get("items").size()).isPositive();
        page.get("items").forEach(item -> {
            assertThat(item.get("districtCode").stringValue()).isEqualTo("370203");
            assertThat(item.get("type").stringValue()).isEqualTo("UNDERGROUND");
        });
        JsonNode byOperator = getJson("/api/v1/lots?operator=OP-GAR-AIRPORT");
        assertThat(byOperator.get("items").size()).isPositive();
        byOperator.get("items").forEach(item -> {
            assertThat(item.get("operator").stringValue()).isEqualTo("OP-GAR-AIRPORT");
            assertThat(item.get("parkAndRide").booleanValue()).isTrue();
        });
    }

    @Test
    void lotAsJsonAndAsGeoJsonFeature() {
        Lot garage = firstGarage();
        JsonNode json = getJson("/api/v1/lots/" + garage.id());
        assertThat(json.get("name").stringValue()).isEqualTo(garage.name());
        assertThat(json.get("point").get("lat").doubleValue()).isEqualTo(garage.point().lat());
        assertThat(json.get("totalSpaces").intValue()).isEqualTo(garage.capacity().total());
        assertThat(json.get("indoor").get("href").stringValue()).isEqualTo("/api/v1/lots/" + garage.id() + "/indoor");

        JsonNode feature = getGeoJson("/api/v1/lots/" + garage.id());
        assertThat(feature.get("type").stringValue()).isEqualTo("Feature");
        assertThat(feature.get("geometry").get("type").stringValue()).isEqualTo("Polygon");
        assertThat(feature.get("properties").get("version").longValue()).isEqualTo(garage.version());
        assertThat(feature.get("properties").get("indoor").get("bays")).hasSize(garage.indoorModel().bays().size());

        web.get().uri("/api/v1/lots/" + garage.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("ETag", "\"" + garage.version() + "\"")
                .expectHeader().valueEquals("Content-Crs", "wgs84");
    }

    @Test
    void lotListAsGeoJsonFeatureCollection() {
        JsonNode collection = getGeoJson("/api/v1/lots?limit=5&bbox=" + SHINAN_BBOX);
        assertThat(collection.get("type").stringValue()).isEqualTo("FeatureCollection");
        assertThat(collection.get("features")).hasSize(5);
        assertThat(collection.get("features").get(0).get("properties").has("indoor")).isFalse();
        assertThat(collection.get("next").stringValue()).contains("cursor=");
        web.get().uri("/api/v1/lots?limit=5&bbox=" + SHINAN_BBOX)
                .accept(MediaType.parseMediaType("application/geo+json")).exchange()
                .expectHeader().value("Link", link -> assertThat(link).endsWith("; rel=\"next\""));
    }

    @Test
    void indoorModelOfAGarageWithQrAnchors() {
        Lot garage = firstGarage();
        JsonNode indoor = getJson("/api/v1/lots/" + garage.id() + "/indoor");
        assertThat(indoor.get("floors").size()).isGreaterThanOrEqualTo(3);
        assertThat(indoor.get("bays").size()).isGreaterThanOrEqualTo(300);
        assertThat(indoor.get("edges").size()).isPositive();
        boolean hasQr = false;
        for (JsonNode node : indoor.get("nodes")) {
            hasQr |= node.has("qrAnchor");
        }
        assertThat(hasQr).isTrue();
        JsonNode geo = getGeoJson("/api/v1/lots/" + garage.id() + "/indoor");
        assertThat(geo.get("type").stringValue()).isEqualTo("FeatureCollection");

        Lot surface = registry.snapshot().listLots(null, l -> l.indoorModel() == null, null, 1).get(0);
        web.get().uri("/api/v1/lots/" + surface.id() + "/indoor").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:not-found");
    }

    @Test
    void segmentAndItsBays() {
        Segment segment = registry.snapshot().listSegments(null, s -> true, null, 1).get(0);
        JsonNode json = getJson("/api/v1/segments/" + segment.id());
        assertThat(json.get("roadName").stringValue()).isEqualTo(segment.roadName());
        assertThat(json.get("bays")).hasSize(segment.bays().size());
        assertThat(json.get("geometry").get("type").stringValue()).isEqualTo("LineString");
        JsonNode feature = getGeoJson("/api/v1/segments/" + segment.id());
        assertThat(feature.get("properties").get("bays")).hasSize(segment.bays().size());
    }

    @Test
    void baysWithTheirPlace() {
        Segment segment = registry.snapshot().listSegments(null, s -> true, null, 1).get(0);
        JsonNode street = getJson("/api/v1/bays/" + segment.bays().get(0).id());
        assertThat(street.get("segment").get("id").stringValue()).isEqualTo(segment.id().value());
        assertThat(street.has("lot")).isFalse();

        Lot garage = firstGarage();
        var bay = garage.indoorModel().bays().get(0);
        JsonNode indoor = getJson("/api/v1/bays/" + bay.id());
        assertThat(indoor.get("lot").get("id").stringValue()).isEqualTo(garage.id().value());
        assertThat(indoor.get("floor").intValue()).isEqualTo(bay.floor());
        assertThat(indoor.get("floorName").stringValue()).isNotBlank();
        assertThat(indoor.get("zone").get("id").stringValue()).isEqualTo(bay.zoneId());

        JsonNode feature = getGeoJson("/api/v1/bays/" + bay.id());
        assertThat(feature.get("geometry").get("type").stringValue()).isEqualTo("Point");
        assertThat(feature.get("properties").get("lot").get("id").stringValue()).isEqualTo(garage.id().value());
    }

    @Test
    void districtWithItsApproximateArea() {
        JsonNode json = getJson("/api/v1/districts/370202?geometry=true");
        assertThat(json.get("name").stringValue()).isEqualTo("市南区");
        assertThat(json.get("area").get("type").stringValue()).isIn("Polygon", "MultiPolygon");
        assertThat(getJson("/api/v1/districts/370202").has("area")).isFalse();
        JsonNode feature = getGeoJson("/api/v1/districts/370202");
        assertThat(feature.get("properties").get("approximate").booleanValue()).isTrue();
        assertThat(getGeoJson("/api/v1/districts").get("features")).hasSize(10);
    }

    @Test
    void operatorSummary() {
        JsonNode json = getJson("/api/v1/operators/OP-GAR-01");
        assertThat(json.get("kind").stringValue()).isEqualTo("GARAGE_COMPANY");
        assertThat(json.get("lots").intValue()).isPositive();
        assertThat(json.get("offStreetSpaces").longValue()).isPositive();
    }

    @Test
    void sameLotShiftedInGcj02AndBd09AndBackWithinOneMetre() {
        Lot lot = firstGarage();
        for (Crs crs : List.of(Crs.GCJ02, Crs.BD09)) {
            JsonNode json = getJson("/api/v1/lots/" + lot.id() + "?crs=" + crs.code());
            assertThat(json.get("crs").stringValue()).isEqualTo(crs.code());
            double lat = json.get("point").get("lat").doubleValue();
            double lon = json.get("point").get("lon").doubleValue();
            LatLon expected = crs.fromWgs84(lot.point());
            assertThat(lat).isEqualTo(expected.lat());
            assertThat(lon).isEqualTo(expected.lon());
            // the published offsets move Qingdao by a few hundred metres
            assertThat(GeoPoint.of(lat, lon).distanceMetresTo(lot.point())).isBetween(100.0, 1500.0);
            assertThat(crs.toWgs84(lat, lon).distanceMetresTo(lot.point())).isLessThanOrEqualTo(1.0);

            JsonNode feature = getGeoJson("/api/v1/lots/" + lot.id() + "?crs=" + crs.code());
            JsonNode point = feature.get("properties").get("point");
            assertThat(point.get(0).doubleValue()).isEqualTo(expected.lon());
            assertThat(point.get(1).doubleValue()).isEqualTo(expected.lat());
            JsonNode ring = feature.get("geometry").get("coordinates").get(0);
            GeoPoint corner = crs.toWgs84(ring.get(0).get(1).doubleValue(), ring.get(0).get(0).doubleValue());
            assertThat(corner.distanceMetresTo(GeoPoint.fromJts(lot.footprint().getCoordinates()[0])))
                    .isLessThanOrEqualTo(1.0);
            JsonNode bay = feature.get("properties").get("indoor").get("bays").get(0).get("point");
            GeoPoint bayBack = crs.toWgs84(bay.get(1).doubleValue(), bay.get(0).doubleValue());
            assertThat(bayBack.distanceMetresTo(lot.indoorModel().bays().get(0).point())).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void bboxIsInterpretedInTheRequestedCrs() {
        Lot lot = firstGarage();
        LatLon gcj = Crs.GCJ02.fromWgs84(lot.point());
        String box = (gcj.lon() - 0.0005) + "," + (gcj.lat() - 0.0005) + "," + (gcj.lon() + 0.0005) + ","
                + (gcj.lat() + 0.0005);
        JsonNode inGcj = getJson("/api/v1/lots?crs=gcj02&bbox=" + box);
        assertThat(ids(inGcj)).contains(lot.id().value());
        JsonNode inWgs = getJson("/api/v1/lots?bbox=" + box);
        assertThat(ids(inWgs)).doesNotContain(lot.id().value());
        JsonNode bay = getJson("/api/v1/bays/" + lot.indoorModel().bays().get(0).id() + "?crs=bd09");
        assertThat(bay.get("crs").stringValue()).isEqualTo("bd09");
        assertThat(Crs.BD09.toWgs84(bay.get("point").get("lat").doubleValue(), bay.get("point").get("lon")
                .doubleValue()).distanceMetresTo(lot.indoorModel().bays().get(0).point())).isLessThanOrEqualTo(1.0);
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        expectInvalid("/api/v1/lots?bbox=120.45,36.04,120.30,36.11", "bbox");
        expectInvalid("/api/v1/lots?bbox=120.30,36.04,120.45", "bbox");
        expectInvalid("/api/v1/lots?bbox=120.30,36.04,120.45,abc", "bbox");
        expectInvalid("/api/v1/lots?bbox=120.30,-96,120.45,36.1", "bbox");
        expectInvalid("/api/v1/lots?limit=5000", "limit");
        expectInvalid("/api/v1/lots?limit=0", "limit");
        expectInvalid("/api/v1/segments?limit=1001", "limit");
        expectInvalid("/api/v1/lots?crs=epsg3857", "crs");
        expectInvalid("/api/v1/lots/QD-L-00001?crs=mars", "crs");
        expectInvalid("/api/v1/lots?type=BOAT", "type");
        expectInvalid("/api/v1/lots?district=999999", "district");
        expectInvalid("/api/v1/lots?cursor=not-a-cursor", "cursor");
        JsonNode page = getJson("/api/v1/lots?limit=2&district=370202");
        // a cursor belongs to its query
        expectInvalid("/api/v1/lots?limit=2&district=370203&cursor=" + page.get("cursor").stringValue(), "cursor");
        expectInvalid("/api/v1/segments?limit=2&district=370202&cursor=" + page.get("cursor").stringValue(),
                "cursor");
    }

    @Test
    void unknownIdsAreNotFoundProblems() {
        for (String uri : List.of("/api/v1/lots/QD-L-99999", "/api/v1/segments/QD-S-99999",
                "/api/v1/bays/QD-NOPE", "/api/v1/districts/370299", "/api/v1/operators/OP-NOPE",
                "/api/v1/lots/QD-L-99999/indoor", "/api/v1/lots/-bad-id")) {
            web.get().uri(uri).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:not-found");
        }
    }

    @Test
    void openApiDocumentListsTheRegistryEndpoints() {
        JsonNode paths = getJson("/v3/api-docs").get("paths");
        assertThat(paths.has("/api/v1/lots")).isTrue();
        assertThat(paths.has("/api/v1/lots/{id}/indoor")).isTrue();
        assertThat(paths.has("/api/v1/segments/{id}")).isTrue();
        assertThat(paths.has("/api/v1/bays/{id}")).isTrue();
        assertThat(paths.has("/api/v1/districts/{code}")).isTrue();
        assertThat(paths.get("/api/v1/operator/lots/{id}").has("put")).isTrue();
    }

    private void expectInvalid(String uri, String field) {
        web.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").stringValue()));
        return ids;
    }

    private Lot firstGarage() {
        return registry.snapshot().listLots(null, l -> l.indoorModel() != null, null, 1).get(0);
    }
}
