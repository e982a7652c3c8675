package dev.citypark.availability.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityFlag;
import dev.citypark.availability.BayState;
import dev.citypark.availability.KafkaTestReader;
import dev.citypark.availability.SignedRecords;
import dev.citypark.availability.TestPlaces;
import dev.citypark.core.BayId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SensorId;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.IngestCounters;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.LotFlow;
import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.occupancy.OccupancyEvents;
import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.security.RecordSignatures;
import dev.citypark.security.TestCallers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka to Redis on the real broker: valid events are applied, poison records go to the dead-letter topic with the
 * reason in headers while the consumer carries on, counters are kept per operator, and gate entries and exits
 * (session events) move lot counts through the same model, once per event id.
 */
@CityparkIntegrationTest
class OccupancyConsumerIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Availability availability;

    @Autowired
    IngestCounters counters;

    @Autowired
    Registry registry;

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
    void appliesEventsFromTheTopic() {
        Segment segment = places.segmentsOf(TestCallers.OPERATOR_3, 0, 1).get(0);
        BayId bay = segment.bays().get(0).id();

        send(segment.id().value(), new BayStatus(segment.operator(), bay, true, T0, SensorId.of("MAG-K"), null,
                false));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(availability.forBay(bay).block().state()).isEqualTo(BayState.OCCUPIED));
    }

    @Test
    void deadLettersPoisonRecordsWithTheReasonAndCarriesOn() {
        Segment segment = places.segmentsOf(TestCallers.OPERATOR_3, 1, 1).get(0);
        OperatorId operator = segment.operator();
        long unknownBefore = counter(operator, "rejected.unknown_place");
        String malformedKey = "poison-" + UUID.randomUUID();
        BayId unknownBay = BayId.of(segment.id().value() + "-99");
        BayId bay = segment.bays().get(1).id();

        kafka.send(SignedRecords.signedBy(signatures, malformedKey, "{not json", operator)).join();
        send(segment.id().value(), new BayStatus(operator, unknownBay, true, T0, SensorId.of("MAG-K"), null, false));
        send("the-wrong-key", new BayStatus(operator, segment.bays().get(2).id(), true, T0, SensorId.of("MAG-K"),
                null, false));
        send(segment.id().value(), new BayStatus(operator, bay, true, T0, SensorId.of("MAG-K"), null, false));

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(availability.forBay(bay).block().state()).isEqualTo(BayState.OCCUPIED));
        List<ConsumerRecord<String, String>> dead = KafkaTestReader.read(kafka, OccupancyTopics.OCCUPANCY_DLT,
                r -> r.key() != null && (r.key().equals(malformedKey) || r.key().equals("the-wrong-key")
                        || (r.key().equals(segment.id().value()) && r.value().contains(unknownBay.value()))),
                3, WAIT);
        assertThat(dead).extracting(r -> KafkaTestReader.header(r, OccupancyTopics.DLT_REASON_HEADER))
                .containsExactlyInAnyOrder("MALFORMED", "UNKNOWN_PLACE", "WRONG_KEY");
        ConsumerRecord<String, String> unknown = dead.stream()
                .filter(r -> "UNKNOWN_PLACE".equals(KafkaTestReader.header(r, OccupancyTopics.DLT_REASON_HEADER)))
                .findFirst().orElseThrow();
        assertThat(KafkaTestReader.header(unknown, OccupancyTopics.DLT_FIELD_HEADER)).isEqualTo("bayId");
        assertThat(KafkaTestReader.header(unknown, OccupancyTopics.DLT_ORIGINAL_TOPIC_HEADER))
                .isEqualTo(OccupancyTopics.OCCUPANCY);
        assertThat(availability.forBay(segment.bays().get(2).id()).block().state()).isEqualTo(BayState.UNKNOWN);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(counter(operator, "rejected.unknown_place")).isEqualTo(unknownBefore + 1));
    }

    @Test
    void deadLettersUnsignedForgedAndForeignSignedRecords() {
        Segment segment = places.segmentsOf(TestCallers.OPERATOR_3, 2, 1).get(0);
        String key = segment.id().value();
        String unsigned = OccupancyEvents.write(new BayStatus(segment.operator(), segment.bays().get(0).id(), true,
                T0, SensorId.of("MAG-K"), null, false));
        var forged = SignedRecords.signed(signatures, key, new BayStatus(segment.operator(),
                segment.bays().get(1).id(), true, T0, SensorId.of("MAG-K"), null, false));
        forged = new org.apache.kafka.clients.producer.ProducerRecord<>(forged.topic(), null, forged.key(),
                forged.value().replace("true", "false"), forged.headers());
        var foreign = SignedRecords.signedBy(signatures, key, OccupancyEvents.write(new BayStatus(segment.operator(),
                segment.bays().get(2).id(), true, T0, SensorId.of("MAG-K"), null, false)), TestCallers.OPERATOR_1);

        kafka.send(OccupancyTopics.OCCUPANCY, key, unsigned).join();
        kafka.send(forged).join();
        kafka.send(foreign).join();

        List<ConsumerRecord<String, String>> dead = KafkaTestReader.read(kafka, OccupancyTopics.OCCUPANCY_DLT,
                r -> key.equals(r.key()), 3, WAIT);
        assertThat(dead).extracting(r -> KafkaTestReader.header(r, OccupancyTopics.DLT_REASON_HEADER))
                .containsExactlyInAnyOrder("SIGNATURE", "SIGNATURE", "FORBIDDEN");
        assertThat(dead).extracting(r -> KafkaTestReader.header(r, OccupancyTopics.DLT_MESSAGE_HEADER))
                .anySatisfy(message -> assertThat(message).contains("unsigned"))
                .anySatisfy(message -> assertThat(message).contains("forged"));
        for (int i = 0; i < 3; i++) {
            assertThat(availability.forBay(segment.bays().get(i).id()).block().state()).isEqualTo(BayState.UNKNOWN);
        }
    }

    @Test
    void countsClampedFlowsPerOperator() {
        Lot lot = places.countedLotsOf(TestCallers.OPERATOR_1, 0, 1).get(0);
        int capacity = lot.capacity().count(SpaceCategory.GENERAL);
        long clampedBefore = counter(lot.operator(), "clamped");

        send(lot.id().value(), new LotCount(lot.operator(), lot.id(), T0, Map.of(SpaceCategory.GENERAL, capacity - 1),
                Map.of(), false, null));
        send(lot.id().value(), new LotFlow(lot.operator(), lot.id(), T0.plusSeconds(5), "flow-" + UUID.randomUUID(),
                Map.of(), Map.of(SpaceCategory.GENERAL, 3)));

        await().atMost(WAIT).untilAsserted(() -> {
            var read = availability.forLot(lot.id()).block();
            assertThat(read.categories().get(SpaceCategory.GENERAL).occupied()).isZero();
            assertThat(read.flags()).contains(AvailabilityFlag.CLAMPED);
        });
        // counters are written right after the state: wait for them too
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(counter(lot.operator(), "clamped")).isEqualTo(clampedBefore + 1));
    }

    @Test
    void gateEntriesAndExitsMoveLotCountsOncePerEvent() {
        Lot lot = places.countedLotsOf(TestCallers.OPERATOR_1, 1, 1).get(0);
        int capacity = lot.capacity().count(SpaceCategory.GENERAL);
        send(lot.id().value(), new LotCount(lot.operator(), lot.id(), T0, Map.of(SpaceCategory.GENERAL, capacity - 10),
                Map.of(), false, null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(generalOccupied(lot)).isEqualTo(10));

        String entry = session("SessionOpened", lot, T0.plusSeconds(10));
        kafka.send(SessionTopic.NAME, lot.id().value(), entry).join();
        kafka.send(SessionTopic.NAME, lot.id().value(), entry).join();
        kafka.send(SessionTopic.NAME, lot.id().value(), session("SessionOpened", lot, T0.plusSeconds(20))).join();
        kafka.send(SessionTopic.NAME, lot.id().value(), session("SessionClosed", lot, T0.plusSeconds(30))).join();
        kafka.send(SessionTopic.NAME, lot.id().value(), session("SessionSettled", lot, T0.plusSeconds(40))).join();
        kafka.send(SessionTopic.NAME, lot.id().value(), session("SessionOpened", lot, T0.minusSeconds(10))).join();

        await().atMost(WAIT).untilAsserted(() -> assertThat(generalOccupied(lot)).isEqualTo(11));
    }

    private int generalOccupied(Lot lot) {
        return availability.forLot(lot.id()).block().categories().get(SpaceCategory.GENERAL).occupied();
    }

    private void send(String key, OccupancyEvent event) {
        kafka.send(SignedRecords.signed(signatures, key, event)).join();
    }

    private long counter(OperatorId operator, String name) {
        return counters.forOperator(operator).block().getOrDefault(name, 0L);
    }

    private static String session(String type, Lot lot, Instant at) {
        return """
                {"type":"%s","eventId":"%s","sessionId":"%s","placeKind":"LOT","placeId":"%s","operatorId":"%s",
                 "districtCode":"%s","bayId":null,"gateId":null,"plate":"鲁B12345","plateColour":"BLUE",
                 "category":"GENERAL","occurredAt":"%s","entryAt":"%s","exitAt":null,"feeFen":null,"paidFen":null,
                 "settlement":null}""".formatted(type, UUID.randomUUID(), UUID.randomUUID(), lot.id(), lot.operator(),
                lot.districtCode(), at, at);
    }
}
