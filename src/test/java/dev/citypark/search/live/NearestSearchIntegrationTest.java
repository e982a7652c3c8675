package dev.citypark.search.live;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.TestPlaces;
import dev.citypark.availability.live.LiveStore;
import dev.citypark.availability.live.LiveUpdate;
import dev.citypark.core.Crs;
import dev.citypark.core.LatLon;
import dev.citypark.core.SensorId;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.occupancy.OccupancyValidator;
import dev.citypark.occupancy.ValidatedEvent;
import dev.citypark.registry.Lot;
import dev.citypark.registry.OperatorKind;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/search/nearest} over the committed city, the real Redis live state and the real adapter: ranking,
 * live filtering, stale places after fresh ones, crs round trips, sensed bays, prices, the predictor, bad input.
 */
@CityparkIntegrationTest
class NearestSearchIntegrationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    LiveStore store;

    @Autowired
    OccupancyValidator validator;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RecentCounts memory;

    private TestPlaces places;

    @BeforeEach
    void places() {
        places = new TestPlaces(registry, redis);
    }

    @Test
    void ranksFreshFreeLotsFirstLeavesOutFullAndUnknownOnesAndMarksStaleOnes() {
        Lot a = places.countedLots(420, 1).get(0);
        List<Lot> near = nearestCountedLots(a, 3);
        Lot full = near.get(0);
        Lot unknown = near.get(1);
        Lot stale = near.get(2);
        near.forEach(l -> places.clear(dev.citypark.availability.PlaceRef.lot(l.id().value())));
        apply(count(a, 5, NOW.minusSeconds(60)));
        apply(count(full, 0, NOW.minusSeconds(60)));
        // this instance saw the stale lot with 8 free 40 minutes ago; nothing newer came (lots go stale after 30)
        Instant long_ago = NOW.minusSeconds(40 * 60);
        apply(count(stale, 8, long_ago));
        memory.record(RecentCountsTest.lot(stale.id().value(), 8, long_ago));
        int radius = (int) Math.ceil(stale.point().distanceMetresTo(a.point())) + 50;

        JsonNode body = search("lat={lat}&lon={lon}&radius={r}&limit=50&kind=OFF_STREET", a.point().lat(),
                a.point().lon(), radius);

        List<JsonNode> results = list(body.get("places"));
        List<String> ids = results.stream().map(p -> p.get("id").asString()).toList();
        assertThat(ids.get(0)).isEqualTo(a.id().value());
        assertThat(ids).doesNotContain(full.id().value(), unknown.id().value()).contains(stale.id().value());
        JsonNode first = results.get(0);
        assertThat(first.get("free").asInt()).isEqualTo(5);
        assertThat(first.get("stale").asBoolean()).isFalse();
        assertThat(first.get("kind").asString()).isEqualTo("LOT");
        assertThat(first.get("distanceMetres").asDouble()).isLessThan(0.5);
        assertThat(first.get("updatedAt").asString()).isEqualTo(NOW.minusSeconds(60).toString());
        JsonNode staleOne = results.get(ids.indexOf(stale.id().value()));
        assertThat(staleOne.get("stale").asBoolean()).isTrue();
        assertThat(staleOne.get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(staleOne.get("free").asInt()).isEqualTo(8);
        // every fresh result before every stale one, nearer first among the fresh
        List<Boolean> staleFlags = results.stream().map(p -> p.get("stale").asBoolean()).toList();
        assertThat(staleFlags).isSortedAccordingTo(Comparator.naturalOrder());
        List<Double> freshDistances = results.stream().filter(p -> !p.get("stale").asBoolean())
                .map(p -> p.get("distanceMetres").asDouble()).toList();
        assertThat(freshDistances).isSorted();
    }

    @Test
    void answersInTheCrsItWasAskedInWithPriceAndPredictor() {
        Lot a = places.countedLots(425, 1).get(0);
        apply(count(a, 12, NOW.minusSeconds(30)));
        LatLon gcj = Crs.GCJ02.fromWgs84(a.point());

        JsonNode body = search("lat={lat}&lon={lon}&crs=gcj02&radius=300&kind=OFF_STREET&stayMinutes=90"
                + "&arriveAt={at}", gcj.lat(), gcj.lon(), NOW.plusSeconds(600).toString());

        assertThat(body.get("crs").asString()).isEqualTo("gcj02");
        assertThat(body.get("predictor").asString()).isEqualTo("linear-trend-30m");
        JsonNode first = body.get("places").get(0);
        assertThat(first.get("id").asString()).isEqualTo(a.id().value());
        assertThat(first.get("point").get("lat").asDouble()).isCloseTo(gcj.lat(), org.assertj.core.data.Offset.offset(2e-7));
        assertThat(first.get("point").get("lon").asDouble()).isCloseTo(gcj.lon(), org.assertj.core.data.Offset.offset(2e-7));
        assertThat(first.get("prediction").get("predictor").asString()).isEqualTo("linear-trend-30m");
        assertThat(first.get("price").get("totalFen").asLong()).isPositive();
        assertThat(first.get("price").get("breakdown").size()).isPositive();
    }

    @Test
    void findsFreeSensedBaysOneByOne() {
        Segment segment = sensedSegment(30);
        var free = segment.bays().get(0);
        var taken = segment.bays().get(1);
        apply(new BayStatus(segment.operator(), free.id(), false, NOW.minusSeconds(30), SensorId.of("MAG-S1"), null,
                false));
        apply(new BayStatus(segment.operator(), taken.id(), true, NOW.minusSeconds(30), SensorId.of("MAG-S2"), null,
                false));

        JsonNode body = search("lat={lat}&lon={lon}&radius=100&limit=50&kind=ON_STREET&category={c}",
                free.point().lat(), free.point().lon(), free.category().name());

        List<String> ids = list(body.get("places")).stream().map(p -> p.get("id").asString()).toList();
        assertThat(ids.get(0)).isEqualTo(free.id().value());
        assertThat(ids).doesNotContain(taken.id().value());
        assertThat(body.get("places").get(0).get("kind").asString()).isEqualTo("BAY");
        assertThat(body.get("places").get(0).get("segmentId").asString()).isEqualTo(segment.id().value());
    }

    @Test
    void refusesBadInputWithProblems() {
        Map<String, String> cases = Map.of(
                "lat=91&lon=120.38", "lat",
                "lon=120.38", "lat",
                "lat=36.06&lon=120.38&radius=5001", "radius",
                "lat=36.06&lon=120.38&limit=51", "limit",
                "lat=36.06&lon=120.38&crs=utm", "crs",
                "lat=36.06&lon=120.38&category=BUS", "category",
                "lat=36.06&lon=120.38&kind=ROOF", "kind",
                "lat=36.06&lon=120.38&arriveAt=2020-01-01T00:00:00Z", "arriveAt",
                "lat=36.06&lon=120.38&stayMinutes=0", "stayMinutes");
        cases.forEach((query, field) -> web.get().uri("/api/v1/search/nearest?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field));
    }

    private JsonNode search(String query, Object... values) {
        return web.get().uri("/api/v1/search/nearest?" + query, values).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private List<Lot> nearestCountedLots(Lot of, int count) {
        return registry.snapshot().listLots(null, l -> l.indoorModel() == null && !l.id().equals(of.id())
                        && l.capacity().count(SpaceCategory.GENERAL) >= 40, null, Integer.MAX_VALUE).stream()
                .sorted(Comparator.comparingDouble(l -> l.point().distanceMetresTo(of.point())))
                .limit(count).toList();
    }

    /** A segment of a sensor-gateway operator whose first two bays share a category, cleared. */
    private Segment sensedSegment(int skip) {
        var city = registry.snapshot();
        var gateways = city.listOperators().stream().filter(o -> o.kind() == OperatorKind.SENSOR_GATEWAY)
                .map(o -> o.id()).toList();
        Segment segment = city.listSegmentsIntersecting(new org.locationtech.jts.geom.Envelope(-180, 180, -90, 90))
                .stream()
                .filter(s -> gateways.contains(s.operator()) && s.bays().size() >= 4)
                .filter(s -> s.bays().get(0).category() == s.bays().get(1).category())
                .sorted(Comparator.comparing(s -> s.id().value()))
                .skip(skip).findFirst().orElseThrow();
        places.clear(dev.citypark.availability.PlaceRef.segment(segment.id().value()));
        return segment;
    }

    private static LotCount count(Lot lot, int free, Instant at) {
        return new LotCount(lot.operator(), lot.id(), at, Map.of(SpaceCategory.GENERAL, free), Map.of(), false,
                null);
    }

    private void apply(OccupancyEvent event) {
        ValidatedEvent valid = (ValidatedEvent) validator.check(event, Instant.now());
        store.apply(List.of(LiveUpdate.of(valid)), Instant.now()).block();
    }
}
