package dev.citypark.availability.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.PlaceRef;
import dev.citypark.availability.SignedRecords;
import dev.citypark.availability.TestPlaces;
import dev.citypark.availability.live.LiveStore;
import dev.citypark.availability.live.LiveUpdate;
import dev.citypark.core.SensorId;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.occupancy.OccupancyValidator;
import dev.citypark.occupancy.ValidatedEvent;
import dev.citypark.registry.GuidanceScreen;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.security.RecordSignatures;
import dev.citypark.security.TestCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** The public read API, the SSE stream and guidance screens over the real Redis, Kafka and registry. */
@CityparkIntegrationTest
class AvailabilityApiIntegrationTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    LiveStore store;

    @Autowired
    OccupancyValidator validator;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RecordSignatures signatures;

    private TestPlaces places;

    @BeforeEach
    void places() {
        places = new TestPlaces(registry, redis);
    }

    @Test
    void readsALot() {
        Lot lot = places.countedLots(300, 1).get(0);
        int capacity = lot.capacity().count(SpaceCategory.GENERAL);
        apply(new LotCount(lot.operator(), lot.id(), T0, Map.of(SpaceCategory.GENERAL, 7), Map.of(), false, null));

        web.get().uri("/api/v1/availability/lots/{id}", lot.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(lot.id().value())
                .jsonPath("$.kind").isEqualTo("LOT")
                .jsonPath("$.categories.GENERAL.free").isEqualTo(7)
                .jsonPath("$.categories.GENERAL.occupied").isEqualTo(capacity - 7)
                .jsonPath("$.source").isEqualTo("LOT_COUNTS")
                .jsonPath("$.updatedAt").isEqualTo(T0.toString())
                .jsonPath("$.location.lat").isEqualTo(lot.point().lat());
    }

    @Test
    void answersUnknownPlacesWith404AndBadBoxesWith400() {
        web.get().uri("/api/v1/availability/lots/QD-L-99999").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:not-found");
        web.get().uri("/api/v1/availability/bays/QD-S-99999-01").exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/availability?bbox=120.4,36.1,120.3").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("bbox");
        web.get().uri("/api/v1/availability?bbox=119,35,122,38").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("bbox");
    }

    @Test
    void readsASegmentAndItsBays() {
        Segment segment = places.segments(300, 1).get(0);
        apply(new BayStatus(segment.operator(), segment.bays().get(0).id(), true, T0, SensorId.of("MAG-W"), null,
                false));

        web.get().uri("/api/v1/availability/segments/{id}", segment.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.occupied").isEqualTo(1)
                .jsonPath("$.unknown").isEqualTo(segment.bays().size() - 1)
                .jsonPath("$.flags[0]").isEqualTo("PARTLY_STALE");
        web.get().uri("/api/v1/availability/bays/{id}", segment.bays().get(0).id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state").isEqualTo("OCCUPIED")
                .jsonPath("$.placeId").isEqualTo(segment.id().value())
                .jsonPath("$.since").isEqualTo(T0.toString());
    }

    @Test
    void readsABoxInGcj02() {
        Lot lot = places.countedLots(301, 1).get(0);
        apply(new LotCount(lot.operator(), lot.id(), T0, Map.of(SpaceCategory.GENERAL, 3), Map.of(), false, null));
        var gcj = dev.citypark.core.Crs.GCJ02.fromWgs84(lot.point());
        String bbox = (gcj.lon() - 0.0005) + "," + (gcj.lat() - 0.0005) + "," + (gcj.lon() + 0.0005) + ","
                + (gcj.lat() + 0.0005);

        web.get().uri("/api/v1/availability?bbox={bbox}&crs=gcj02", bbox).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.places[?(@.id == '%s')].categories.GENERAL.free".formatted(lot.id())).isEqualTo(List.of(3))
                .jsonPath("$.places[?(@.id == '%s')].location.lon".formatted(lot.id())).isEqualTo(List.of(gcj.lon()));
    }

    @Test
    void streamsASnapshotThenChangesInTheBox() {
        Segment segment = places.segmentsOf(TestCallers.OPERATOR_3, 10, 1).get(0);
        var centre = segment.geometry().getEnvelopeInternal().centre();
        String bbox = (centre.x - 0.0003) + "," + (centre.y - 0.0003) + "," + (centre.x + 0.0003) + ","
                + (centre.y + 0.0003);
        Flux<ServerSentEvent<Map<String, Object>>> events = web.get()
                .uri("/api/v1/availability/stream?bbox={bbox}", bbox)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null);
        StepVerifier.create(events)
                .assertNext(snapshot -> {
                    assertThat(snapshot.event()).isEqualTo("snapshot");
                    assertThat(snapshot.data().get("places").toString()).contains(segment.id().value());
                })
                .then(() -> kafka.send(SignedRecords.signed(signatures, segment.id().value(),
                        new BayStatus(segment.operator(), segment.bays().get(0).id(), true, Instant.now(),
                                SensorId.of("MAG-W"), null, false))).join())
                .thenConsumeWhile(change -> !(segment.id().value().equals(change.data().get("id"))
                        && Integer.valueOf(1).equals(change.data().get("occupied"))))
                .assertNext(change -> {
                    assertThat(change.event()).isEqualTo("change");
                    assertThat(change.data()).containsEntry("id", segment.id().value()).containsEntry("occupied", 1);
                })
                .thenCancel()
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void showsAGuidanceScreen() {
        GuidanceScreen screen = registry.snapshot().findScreen("QD-SCR-0002").orElseThrow();
        List<Lot> lots = screen.lines().stream()
                .map(line -> registry.snapshot().findLot(line.lotId()).orElseThrow()).toList();
        lots.forEach(l -> places.clear(PlaceRef.lot(l.id().value())));
        apply(full(lots.get(0)));
        apply(new LotCount(lots.get(1).operator(), lots.get(1).id(), T0,
                Map.of(SpaceCategory.GENERAL, Math.min(12, lots.get(1).capacity().count(SpaceCategory.GENERAL))),
                allOccupiedButGeneral(lots.get(1)), false, null));

        web.get().uri("/api/v1/guidance/screens/{id}", screen.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo(screen.name())
                .jsonPath("$.lines.length()").isEqualTo(screen.lines().size())
                .jsonPath("$.lines[0].shortName").isEqualTo(screen.lines().get(0).shortName())
                .jsonPath("$.lines[0].arrow").isEqualTo(screen.lines().get(0).arrow().symbol())
                .jsonPath("$.lines[0].text").isEqualTo("满")
                .jsonPath("$.lines[0].textEn").isEqualTo("FULL")
                .jsonPath("$.lines[1].text").isEqualTo(
                        Integer.toString(Math.min(12, lots.get(1).capacity().count(SpaceCategory.GENERAL))))
                .jsonPath("$.lines[2].text").isEqualTo("--")
                .jsonPath("$.lines[2].status").isEqualTo("UNKNOWN");
        web.get().uri("/api/v1/guidance/screens/NO-SUCH-SCREEN").exchange().expectStatus().isNotFound();
    }

    private static LotCount full(Lot lot) {
        Map<SpaceCategory, Integer> none = new EnumMap<>(SpaceCategory.class);
        Arrays.stream(SpaceCategory.values()).forEach(c -> none.put(c, 0));
        return new LotCount(lot.operator(), lot.id(), T0, none, Map.of(), false, null);
    }

    private static Map<SpaceCategory, Integer> allOccupiedButGeneral(Lot lot) {
        Map<SpaceCategory, Integer> occupied = new EnumMap<>(SpaceCategory.class);
        Arrays.stream(SpaceCategory.values()).filter(c -> c != SpaceCategory.GENERAL)
                .forEach(c -> occupied.put(c, lot.capacity().count(c)));
        return occupied;
    }

    private void apply(OccupancyEvent event) {
        ValidatedEvent valid = (ValidatedEvent) validator.check(event, Instant.now());
        store.apply(List.of(LiveUpdate.of(valid)), Instant.now()).block();
    }
}
