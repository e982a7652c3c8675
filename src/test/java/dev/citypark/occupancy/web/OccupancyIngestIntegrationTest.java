package dev.citypark.occupancy.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.Availability;
import dev.citypark.availability.BayState;
import dev.citypark.availability.KafkaTestReader;
import dev.citypark.availability.TestPlaces;
import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.security.TestCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator REST ingest end to end: 202 once the broker acknowledged (and the event reaches live availability),
 * all-or-nothing 400 naming each {@code events[i].field}, 403 for another operator's place, 413 for oversized
 * batches, 415, 401 — and per-operator counters.
 */
@CityparkIntegrationTest
class OccupancyIngestIntegrationTest {

    private static final String PATH = "/api/v1/operator/occupancy";
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    Availability availability;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ReactiveStringRedisTemplate redis;

    private Lot ownLot;
    private Lot otherOperatorsLot;

    @BeforeEach
    void lots() {
        ownLot = registry.snapshot().listLots(null, l -> l.operator().equals(TestCallers.OPERATOR_1)
                && l.indoorModel() == null && l.capacity().count(SpaceCategory.GENERAL) >= 10, null, 1).get(0);
        otherOperatorsLot = registry.snapshot().listLots(null, l -> l.operator().equals(TestCallers.OPERATOR_2),
                null, 1).get(0);
    }

    @Test
    void acceptsABatchOnceTheBrokerHasItAndAppliesIt() {
        Segment segment = registry.snapshot().listSegmentsIntersecting(
                        new org.locationtech.jts.geom.Envelope(-180, 180, -90, 90)).stream()
                .filter(s -> s.operator().equals(TestCallers.OPERATOR_3)).findFirst().orElseThrow();
        new TestPlaces(registry, redis).clear(dev.citypark.availability.PlaceRef.segment(segment.id().value()));
        String bay = segment.bays().get(0).id().value();

        web.post().uri(PATH).headers(TestCallers.operator3()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch("""
                        {"type":"BayStatus","bayId":"%s","occupied":true,"observedAt":"%s","sensorId":"MAG-R1"}"""
                        .formatted(bay, T0)))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.accepted").isEqualTo(1);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                availability.forBay(dev.citypark.core.BayId.of(bay)).block().state()).isEqualTo(BayState.OCCUPIED));
    }

    @Test
    void refusesTheWholeBatchNamingEveryInvalidEvent() {
        String marker = "flow-" + UUID.randomUUID();

        web.post().uri(PATH).headers(TestCallers.operator1()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch(flow(ownLot, marker), """
                        {"type":"LotCount","lotId":"%s","observedAt":"%s","free":{"GENERAL":-1}}"""
                        .formatted(ownLot.id(), T0), """
                        {"type":"LotCount","lotId":"QD-L-99999","observedAt":"%s","free":{"GENERAL":1}}"""
                        .formatted(T0), """
                        {"type":"LotCount","lotId":"%s","observedAt":"%s","free":{"GENERAL":1}}"""
                        .formatted(ownLot.id(), Instant.now().plus(Duration.ofMinutes(10)))))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(3)
                .jsonPath("$.errors[0].field").isEqualTo("events[1].free.GENERAL")
                .jsonPath("$.errors[1].field").isEqualTo("events[2].lotId")
                .jsonPath("$.errors[2].field").isEqualTo("events[3].observedAt");

        assertNothingSent(marker);
    }

    @Test
    void refusesFreeAboveCapacity() {
        int capacity = ownLot.capacity().count(SpaceCategory.GENERAL);

        web.post().uri(PATH).headers(TestCallers.operator1()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch("""
                        {"type":"LotCount","lotId":"%s","observedAt":"%s","free":{"GENERAL":%d}}"""
                        .formatted(ownLot.id(), T0, capacity + 1)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("events[0].free.GENERAL");
    }

    @Test
    void refusesAPlaceOfAnotherOperatorWith403() {
        String marker = "flow-" + UUID.randomUUID();
        long before = counter("rejected.forbidden");

        web.post().uri(PATH).headers(TestCallers.operator1()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch(flow(ownLot, marker), """
                        {"type":"LotCount","lotId":"%s","observedAt":"%s","free":{"GENERAL":1}}"""
                        .formatted(otherOperatorsLot.id(), T0)))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:forbidden")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("events[1].lotId"));

        assertNothingSent(marker);
        assertThat(counter("rejected.forbidden")).isEqualTo(before + 1);
    }

    @Test
    void refusesAnEventNamingAnotherOperator() {
        web.post().uri(PATH).headers(TestCallers.operator1()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch("""
                        {"type":"LotCount","operatorId":"%s","lotId":"%s","observedAt":"%s","free":{"GENERAL":1}}"""
                        .formatted(TestCallers.OPERATOR_2, otherOperatorsLot.id(), T0)))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void refusesOversizedBatchesWith413() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(flow(ownLot, "flow-" + i));
        }

        web.post().uri(PATH).headers(TestCallers.operator1()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch(events.toArray(String[]::new)))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:payload-too-large");
    }

    @Test
    void refusesMalformedJsonWrongContentTypeAndAnonymousCallers() {
        web.post().uri(PATH).headers(TestCallers.operator1()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"events\": [")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:malformed-request");
        web.post().uri(PATH).headers(TestCallers.operator1()).contentType(MediaType.TEXT_PLAIN)
                .bodyValue("events")
                .exchange()
                .expectStatus().isEqualTo(415);
        web.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(batch(flow(ownLot, "x")))
                .exchange()
                .expectStatus().isUnauthorized();
        web.post().uri(PATH).headers(TestCallers.operator1()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"events\": []}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("events");
    }

    @Test
    void showsTheCallersCounters() {
        web.post().uri(PATH).headers(TestCallers.operator1()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch("""
                        {"type":"LotCount","lotId":"QD-L-99999","observedAt":"%s","free":{"GENERAL":1}}"""
                        .formatted(T0)))
                .exchange()
                .expectStatus().isBadRequest();

        assertThat(counter("rejected.unknown_place")).isPositive();
    }

    private long counter(String name) {
        Map<String, Long> counters = web.get().uri(PATH + "/counters").headers(TestCallers.operator1()).exchange()
                .expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Long>>() { })
                .returnResult().getResponseBody();
        return counters.getOrDefault(name, 0L);
    }

    private void assertNothingSent(String marker) {
        assertThat(KafkaTestReader.read(kafka, OccupancyTopics.OCCUPANCY,
                r -> ownLot.id().value().equals(r.key()) && r.value().contains(marker), 1, Duration.ofSeconds(5)))
                .isEmpty();
    }

    private static String flow(Lot lot, String eventId) {
        return """
                {"type":"LotFlow","lotId":"%s","observedAt":"%s","eventId":"%s","entries":{"GENERAL":1}}"""
                .formatted(lot.id(), T0, eventId);
    }

    private static String batch(String... events) {
        return "{\"events\":[" + String.join(",", events) + "]}";
    }
}
