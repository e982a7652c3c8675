package dev.citypark.session.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.citypark.core.ForbiddenException;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.OperatorId;
import dev.citypark.security.RecordSignatures;
import dev.citypark.session.GateDecision;
import dev.citypark.session.GateDecisions;
import dev.citypark.session.GateEvent;
import dev.citypark.session.SessionTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gate events from operators' gate controllers over Kafka ({@code citypark.gate-events.v1}), each answered with a
 * decision record on {@code citypark.gate-decisions.v1} keyed by the gate id. Each record is signed by the
 * operator's gateway ({@link RecordSignatures}: headers {@code citypark-key-id}, {@code citypark-signature}); the
 * signature says which operator speaks, and the lot must be that operator's. Runs on the listener container's
 * thread, where waiting for the reactive pipeline is allowed; records are handled one after another per partition.
 * <p>
 * Value: {@code {"eventId":"optional correlation id","lotId":"QD-L-00001","gateId":"QD-L-00001-G2",
 * "direction":"EXIT","plate":"鲁B12345","plateColour":"BLUE","observedAt":"2025-03-03T02:00:00Z",
 * "confidence":0.97,"imageRef":null,"bayId":null}}; an {@code operatorId}, if present, must be the signer.
 */
@Component
class SessionGateEventListener {

    private static final Duration HANDLING_LIMIT = Duration.ofSeconds(10);

    private final GateDecisions decisions;
    private final RecordSignatures signatures;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json = JsonMapper.builder().build();

    SessionGateEventListener(GateDecisions decisions, RecordSignatures signatures,
            KafkaTemplate<String, String> kafka) {
        this.decisions = decisions;
        this.signatures = signatures;
        this.kafka = kafka;
    }

    @KafkaListener(id = "session-gate-events", topics = SessionTopics.GATE_EVENTS,
            groupId = SessionKafkaConfiguration.CONSUMER_GROUP, containerFactory = "gateEventsContainerFactory")
    void onGateEvent(ConsumerRecord<String, String> record)
            throws ExecutionException, InterruptedException, TimeoutException {
        OperatorId operator = signatures.verify(record.headers(), record.value()).block(HANDLING_LIMIT);
        JsonNode message = json.readTree(record.value() == null ? "" : record.value());
        if (!message.isObject()) {
            throw new InvalidValueException("value", "a gate event is a JSON object");
        }
        String named = text(message, "operatorId");
        if (named != null && !named.equals(operator.value())) {
            throw new ForbiddenException("the record is signed by another operator than it names");
        }
        GateEvent event = GateEvent.parse(text(message, "lotId"), text(message, "gateId"),
                text(message, "direction"), text(message, "plate"), text(message, "plateColour"),
                instant(message, "observedAt"), number(message, "confidence"), text(message, "imageRef"),
                text(message, "bayId"));
        GateDecision decision = decisions.handle(operator, event).block(HANDLING_LIMIT);
        String reply = DecisionMessages.toJson(json, text(message, "eventId"), event, decision);
        kafka.send(SessionTopics.GATE_DECISIONS, event.gate().value(), reply).get(10, TimeUnit.SECONDS);
    }

    private static String text(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new InvalidValueException(field, field + " must be a string");
        }
        return value.asString();
    }

    private static Double number(JsonNode message, String field) {
        JsonNode value = message.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw new InvalidValueException(field, field + " must be a number");
        }
        return value.asDouble();
    }

    private static Instant instant(JsonNode message, String field) {
        String text = text(message, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new InvalidValueException(field, field + " must be an ISO-8601 instant such as 2025-03-03T02:00:00Z");
        }
    }
}
