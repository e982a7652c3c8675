package dev.citypark.session.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.registry.Registry;
import dev.citypark.security.RecordSignatures;
import dev.citypark.security.TestCallers;
import dev.citypark.session.CityFixtures;
import dev.citypark.session.GateDecision;
import dev.citypark.session.GateDecisions;
import dev.citypark.session.GateEvent;
import dev.citypark.session.SessionTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.citypark.session.CityFixtures.at;
import static dev.citypark.session.CityFixtures.freshPlate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gate events over Kafka are answered on the decisions topic keyed by gate; poison goes to the dead-letter topic
 * with its reason and never stops the consumer; session events reach Kafka through the outbox with the schema.
 */
@CityparkIntegrationTest
class GateEventKafkaIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    Registry registry;

    @Autowired
    GateDecisions gates;

    @Autowired
    RecordSignatures signatures;

    CityFixtures.GatedLot lot;
    String plate;

    @BeforeEach
    void setUp() {
        lot = CityFixtures.lotOf(registry, TestCallers.OPERATOR_1, "QD-T1-CORE");
        plate = freshPlate();
    }

    @Test
    void answersEachGateEventOnTheDecisionsTopicKeyedByGate() throws Exception {
        String entryId = UUID.randomUUID().toString();
        String exitId = UUID.randomUUID().toString();
        send(lot.id(), message(entryId, "ENTRY", plate, "2025-03-03T01:00:00Z"));
        send(lot.id(), message(exitId, "EXIT", plate, "2025-03-03T03:00:00Z"));

        JsonNode entry = reply(lot.entryGate(), entryId);
        JsonNode exit = reply(lot.exitGate(), exitId);

        assertThat(entry.get("decision").asString()).isEqualTo("OPEN");
        assertThat(entry.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(exit.get("decision").asString()).isEqualTo("OPEN");
        assertThat(exit.get("sessionId").asString()).isEqualTo(entry.get("sessionId").asString());
        assertThat(exit.get("feeFen").asLong()).isEqualTo(800);
        assertThat(exit.get("settlement").asString()).isEqualTo("DEFERRED");
        assertThat(exit.get("breakdown").size()).isPositive();
    }

    @Test
    void sendsPoisonToTheDeadLetterTopicWithItsReasonAndKeepsConsuming() throws Exception {
        String notJson = "poison-" + UUID.randomUUID();
        String badPlate = "poison-" + UUID.randomUUID();
        String otherOperator = "poison-" + UUID.randomUUID();
        String unsigned = "poison-" + UUID.randomUUID();
        String forged = "poison-" + UUID.randomUUID();
        send(notJson, "{not json");
        send(badPlate, message(UUID.randomUUID().toString(), "ENTRY", "鲁B1234I", "2025-03-03T01:00:00Z"));
        send(otherOperator, message(UUID.randomUUID().toString(), "ENTRY", plate, "2025-03-03T01:00:00Z"),
                TestCallers.OPERATOR_2_KEY_ID);
        kafka.send(SessionTopics.GATE_EVENTS, unsigned,
                message(UUID.randomUUID().toString(), "ENTRY", plate, "2025-03-03T01:00:00Z")).get();
        ProducerRecord<String, String> tampered = signed(forged,
                message(UUID.randomUUID().toString(), "ENTRY", plate, "2025-03-03T01:00:00Z"),
                TestCallers.OPERATOR_1_KEY_ID);
        kafka.send(new ProducerRecord<>(tampered.topic(), null, tampered.key(),
                tampered.value().replace("ENTRY", "EXIT"), tampered.headers())).get();
        String afterId = UUID.randomUUID().toString();
        send(lot.id(), message(afterId, "ENTRY", plate, "2025-03-03T01:00:00Z"));

        List<String> poison = List.of(notJson, badPlate, otherOperator, unsigned, forged);
        List<ConsumerRecord<String, String>> dead = KafkaReads.read(kafka, SessionTopics.GATE_EVENTS_DLT,
                record -> poison.contains(record.key()), poison.size(), WAIT);

        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(poison);
        assertThat(dead).allSatisfy(record ->
                assertThat(KafkaReads.header(record, "citypark-dlt-reason")).isNotBlank());
        assertThat(reason(dead, notJson)).startsWith("malformed-json");
        assertThat(reason(dead, badPlate)).startsWith("validation: plate").doesNotContain("鲁B1234I");
        assertThat(reason(dead, otherOperator)).startsWith("forbidden");
        assertThat(reason(dead, unsigned)).startsWith("signature: unsigned");
        assertThat(reason(dead, forged)).startsWith("signature: forged");
        assertThat(reply(lot.entryGate(), afterId).get("decision").asString()).isEqualTo("OPEN");
    }

    @Test
    void publishesEverySessionEventThroughTheOutboxWithTheSchema() throws Exception {
        GateDecision entered = gates.handle(lot.operator(), GateEvent.parse(lot.id(), lot.entryGate(), "ENTRY", plate,
                "YELLOW", at("2025-03-03T09:00"), 0.9, null, null)).block();
        gates.handle(lot.operator(), GateEvent.parse(lot.id(), lot.exitGate(), "EXIT", plate, "YELLOW",
                at("2025-03-03T11:00"), 0.9, null, null)).block();
        String sessionId = entered.session().orElseThrow().toString();

        List<ConsumerRecord<String, String>> events = KafkaReads.read(kafka, SessionTopics.SESSIONS,
                record -> record.value().contains(sessionId), 3, WAIT);

        assertThat(events).extracting(ConsumerRecord::key).containsOnly(lot.id());
        List<JsonNode> values = events.stream().map(record -> json.readTree(record.value())).toList();
        assertThat(values).extracting(v -> v.get("type").asString())
                .containsExactly("SessionOpened", "SessionClosed", "SessionDeferred");
        assertThat(events).extracting(record -> KafkaReads.header(record, "citypark-event-type"))
                .containsExactly("SessionOpened", "SessionClosed", "SessionDeferred");
        JsonNode opened = values.get(0);
        assertThat(fieldNames(opened)).containsExactly("type", "eventId", "sessionId", "placeKind", "placeId",
                "operatorId", "districtCode", "bayId", "gateId", "plate", "plateColour", "category", "occurredAt",
                "entryAt", "exitAt", "feeFen", "paidFen", "settlement");
        assertThat(opened.get("placeKind").asString()).isEqualTo("LOT");
        assertThat(opened.get("operatorId").asString()).isEqualTo(lot.operator().value());
        assertThat(opened.get("districtCode").asString()).isEqualTo(lot.lot().districtCode());
        assertThat(opened.get("gateId").asString()).isEqualTo(lot.entryGate());
        assertThat(opened.get("plate").asString()).isEqualTo(plate);
        assertThat(opened.get("plateColour").asString()).isEqualTo("YELLOW");
        assertThat(opened.get("category").asString()).isEqualTo("LARGE");
        assertThat(Instant.parse(opened.get("entryAt").asString())).isEqualTo(at("2025-03-03T09:00"));
        assertThat(opened.get("exitAt").isNull()).isTrue();
        assertThat(opened.get("feeFen").isNull()).isTrue();
        JsonNode deferred = values.get(2);
        assertThat(deferred.get("gateId").asString()).isEqualTo(lot.exitGate());
        assertThat(Instant.parse(deferred.get("exitAt").asString())).isEqualTo(at("2025-03-03T11:00"));
        assertThat(deferred.get("feeFen").asLong()).isPositive();
        assertThat(deferred.get("settlement").asString()).isEqualTo("DEFERRED");
        assertThat(values).extracting(v -> v.get("eventId").asString()).doesNotHaveDuplicates();
    }

    private String message(String eventId, String direction, String eventPlate, String observedAt) {
        return json.createObjectNode()
                .put("eventId", eventId)
                .put("lotId", lot.id())
                .put("gateId", direction.equals("ENTRY") ? lot.entryGate() : lot.exitGate())
                .put("direction", direction)
                .put("plate", eventPlate)
                .put("plateColour", "BLUE")
                .put("observedAt", observedAt)
                .put("confidence", 0.95)
                .toString();
    }

    /** Sends a record signed by the lot's operator's dev gateway key. */
    private void send(String key, String value) throws Exception {
        send(key, value, TestCallers.OPERATOR_1_KEY_ID);
    }

    private void send(String key, String value, String keyId) throws Exception {
        kafka.send(signed(key, value, keyId)).get();
    }

    private ProducerRecord<String, String> signed(String key, String value, String keyId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(SessionTopics.GATE_EVENTS, key, value);
        signatures.sign(record.headers(), keyId, value.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private JsonNode reply(String gate, String eventId) {
        List<ConsumerRecord<String, String>> replies = KafkaReads.read(kafka, SessionTopics.GATE_DECISIONS,
                record -> gate.equals(record.key()) && record.value().contains(eventId), 1, WAIT);
        assertThat(replies).as("reply to " + eventId).hasSize(1);
        return json.readTree(replies.get(0).value());
    }

    private static String reason(List<ConsumerRecord<String, String>> dead, String key) {
        return dead.stream().filter(r -> key.equals(r.key())).map(r -> KafkaReads.header(r, "citypark-dlt-reason"))
                .findFirst().orElseThrow();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
