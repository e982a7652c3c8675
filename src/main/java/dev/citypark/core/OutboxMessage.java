package dev.citypark.core;

/**
 * A message waiting in the outbox.
 *
 * @param topic       the Kafka topic it goes to
 * @param key         the record key (keeps one aggregate's events ordered on one partition)
 * @param eventType   a stable type name, sent as the {@code citypark-event-type} header
 * @param payloadJson the record value, a JSON document
 */
public record OutboxMessage(String topic, String key, String eventType, String payloadJson) {

    public OutboxMessage {
        if (topic == null || topic.isBlank()) {
            throw new InvalidValueException("topic", "topic is required");
        }
        if (key == null || key.isBlank()) {
            throw new InvalidValueException("key", "key is required");
        }
        if (eventType == null || eventType.isBlank()) {
            throw new InvalidValueException("eventType", "eventType is required");
        }
        if (payloadJson == null || payloadJson.isBlank()) {
            throw new InvalidValueException("payloadJson", "payload is required");
        }
    }
}
