package dev.citypark.registry;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A lot was created or changed in the registry. Published (through the outbox) on {@value #TOPIC}, key = lot id, so
 * every citypark instance can reload that lot into its snapshot and other modules can react to registry changes.
 * <pre>{"type":"LotChanged","eventId":"uuid","lotId":"QD-L-00001","operatorId":"OP-GAR-01",
 *  "districtCode":"370202","version":4,"occurredAt":"2025-03-03T01:00:00Z"}</pre>
 *
 * @param version the lot's version after the change
 */
public record LotChanged(String eventId, LotId lotId, OperatorId operatorId, String districtCode, long version,
                         Instant occurredAt) {

    public static final String TOPIC = "citypark.registry.v1";
    public static final String TYPE = "LotChanged";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LotChanged {
        Checks.require("eventId", eventId);
        Checks.require("lotId", lotId);
        Checks.require("operatorId", operatorId);
        Checks.districtCode("districtCode", districtCode);
        Checks.version(version);
        Checks.require("occurredAt", occurredAt);
    }

    static LotChanged of(Lot lot, Instant at) {
        return new LotChanged(randomEventId(), lot.id(), lot.operator(), lot.districtCode(),
                lot.version(), at);
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: event ids need to be unique, not unguessable, and
     * {@link UUID#randomUUID()} reads {@code /dev/urandom}, a blocking call on a reactive thread.
     */
    static String randomEventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", TYPE);
        node.put("eventId", eventId);
        node.put("lotId", lotId.value());
        node.put("operatorId", operatorId.value());
        node.put("districtCode", districtCode);
        node.put("version", version);
        node.put("occurredAt", occurredAt.toString());
        return JSON.writeValueAsString(node);
    }

    /** @throws InvalidValueException when the text is not a LotChanged event */
    public static LotChanged fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        }
        catch (RuntimeException e) {
            throw new InvalidValueException("payload", "not JSON");
        }
        if (node == null || !TYPE.equals(text(node, "type"))) {
            throw new InvalidValueException("type", "not a " + TYPE + " event");
        }
        JsonNode version = node.get("version");
        if (version == null || !version.canConvertToLong()) {
            throw new InvalidValueException("version", "version is required");
        }
        String occurredAt = text(node, "occurredAt");
        if (occurredAt == null) {
            throw new InvalidValueException("occurredAt", "occurredAt is required");
        }
        Instant at;
        try {
            at = Instant.parse(occurredAt);
        }
        catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("occurredAt", "occurredAt must be an ISO-8601 instant");
        }
        return new LotChanged(text(node, "eventId"), LotId.of(text(node, "lotId")),
                OperatorId.of(text(node, "operatorId")), text(node, "districtCode"), version.longValue(), at);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isString() ? null : value.stringValue();
    }
}
