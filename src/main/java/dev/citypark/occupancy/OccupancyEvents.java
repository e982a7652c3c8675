package dev.citypark.occupancy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;

import dev.citypark.core.BayId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SensorId;
import dev.citypark.registry.SpaceCategory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of occupancy events, schema {@value #SCHEMA}: one object per event with a {@code type} member.
 * <pre>
 * {"schema":"citypark.occupancy/1","type":"BayStatus","operatorId":"OP-SENS-01","bayId":"QD-S-00001-01",
 *  "occupied":true,"observedAt":"2025-03-03T08:00:00Z","sensorId":"MAG-0001","sequence":17,"resent":false}
 * {"schema":"citypark.occupancy/1","type":"LotCount","operatorId":"OP-GAR-01","lotId":"QD-L-00001",
 *  "observedAt":"2025-03-03T08:00:00+08:00","free":{"GENERAL":12,"EV_CHARGING":2},"closed":false}
 * {"schema":"citypark.occupancy/1","type":"LotFlow","operatorId":"OP-GAR-01","lotId":"QD-L-00001",
 *  "observedAt":"2025-03-03T08:01:00Z","eventId":"3f2c…","entries":{"GENERAL":3},"exits":{"GENERAL":1}}
 * </pre>
 * Times are ISO-8601 with an offset ({@code Z} or {@code +08:00}); a time without offset is refused as ambiguous.
 * {@code schema} may be omitted on input (it means version 1); a later incompatible version gets a new schema name
 * and topic. Unknown members are ignored (additive changes stay version 1). Every failure is an
 * {@link InvalidValueException} naming the member ({@code observedAt}, {@code free.GENERAL}); input that is not a JSON
 * object at all is a {@link MalformedEventException}.
 */
public final class OccupancyEvents {

    /** The schema name written into every event and accepted on input. */
    public static final String SCHEMA = "citypark.occupancy/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OccupancyEvents() {
    }

    /** Parses one event as it travels on Kafka (operatorId required). */
    public static OccupancyEvent parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        }
        catch (JacksonException e) {
            throw new MalformedEventException("not valid JSON: " + e.getOriginalMessage());
        }
        return read(node, null);
    }

    /**
     * Reads one event from a JSON tree. {@code defaultOperator} (the authenticated caller of the REST ingest) fills a
     * missing {@code operatorId}; when null, {@code operatorId} is required.
     */
    public static OccupancyEvent read(JsonNode node, OperatorId defaultOperator) {
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("an event must be a JSON object");
        }
        String schema = optionalText(node, "schema");
        if (schema != null && !SCHEMA.equals(schema)) {
            throw new InvalidValueException("schema", "unsupported schema '" + clip(schema) + "'; expected " + SCHEMA);
        }
        String type = text(node, "type");
        String operatorText = optionalText(node, "operatorId");
        OperatorId operator = operatorText != null ? OperatorId.of(operatorText) : defaultOperator;
        if (operator == null) {
            throw new InvalidValueException("operatorId", "operatorId is required");
        }
        return switch (type) {
            case BayStatus.TYPE -> new BayStatus(operator, BayId.of(text(node, "bayId")), bool(node, "occupied"),
                    instant(node, "observedAt"), SensorId.of(text(node, "sensorId")), optionalLong(node, "sequence"),
                    optionalBool(node, "resent"));
            case LotCount.TYPE -> new LotCount(operator, LotId.of(text(node, "lotId")), instant(node, "observedAt"),
                    counts(node, "free"), counts(node, "occupied"), optionalBool(node, "closed"),
                    optionalLong(node, "sequence"));
            case LotFlow.TYPE -> new LotFlow(operator, LotId.of(text(node, "lotId")), instant(node, "observedAt"),
                    text(node, "eventId"), counts(node, "entries"), counts(node, "exits"));
            default -> throw new InvalidValueException("type", "type must be BayStatus, LotCount or LotFlow, was '"
                    + clip(type) + "'");
        };
    }

    /** The JSON text of an event (with {@code schema} and {@code operatorId}), as it is written to Kafka. */
    public static String write(OccupancyEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("schema", SCHEMA);
        node.put("type", event.type());
        node.put("operatorId", event.operatorId().value());
        if (event instanceof BayStatus bay) {
            node.put("bayId", bay.bayId().value());
            node.put("occupied", bay.occupied());
            node.put("observedAt", bay.observedAt().toString());
            node.put("sensorId", bay.sensorId().value());
            if (bay.sequence() != null) {
                node.put("sequence", bay.sequence());
            }
            if (bay.resent()) {
                node.put("resent", true);
            }
        }
        else if (event instanceof LotCount count) {
            node.put("lotId", count.lotId().value());
            node.put("observedAt", count.observedAt().toString());
            putCounts(node, "free", count.free());
            putCounts(node, "occupied", count.occupied());
            if (count.closed()) {
                node.put("closed", true);
            }
            if (count.sequence() != null) {
                node.put("sequence", count.sequence());
            }
        }
        else {
            LotFlow flow = (LotFlow) event;
            node.put("lotId", flow.lotId().value());
            node.put("observedAt", flow.observedAt().toString());
            node.put("eventId", flow.eventId());
            putCounts(node, "entries", flow.entries());
            putCounts(node, "exits", flow.exits());
        }
        return JSON.writeValueAsString(node);
    }

    private static void putCounts(ObjectNode node, String name, Map<SpaceCategory, Integer> counts) {
        if (!counts.isEmpty()) {
            ObjectNode object = node.putObject(name);
            counts.forEach((category, value) -> object.put(category.name(), value));
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidValueException(name, name + " is required");
        }
        if (!value.isString()) {
            throw new InvalidValueException(name, name + " must be a string");
        }
        return value.stringValue();
    }

    private static String optionalText(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : text(node, name);
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidValueException(name, name + " is required");
        }
        if (!value.isBoolean()) {
            throw new InvalidValueException(name, name + " must be true or false");
        }
        return value.booleanValue();
    }

    private static boolean optionalBool(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull() && bool(node, name);
    }

    private static Long optionalLong(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidValueException(name, name + " must be an integer");
        }
        return value.longValue();
    }

    private static Instant instant(JsonNode node, String name) {
        String text = text(node, name);
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, OffsetDateTime::from).toInstant();
        }
        catch (DateTimeParseException e) {
            throw new InvalidValueException(name, name + " must be an ISO-8601 time with offset, e.g. "
                    + "2025-03-03T08:00:00Z or 2025-03-03T16:00:00+08:00, was '" + clip(text) + "'");
        }
    }

    private static Map<SpaceCategory, Integer> counts(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            throw new InvalidValueException(name, name + " must be an object of category to count, e.g. "
                    + "{\"GENERAL\": 12}");
        }
        Map<SpaceCategory, Integer> counts = new EnumMap<>(SpaceCategory.class);
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String field = name + "." + entry.getKey();
            SpaceCategory category;
            try {
                category = SpaceCategory.valueOf(entry.getKey());
            }
            catch (IllegalArgumentException e) {
                throw new InvalidValueException(field, "unknown space category '" + clip(entry.getKey())
                        + "'; one of " + java.util.Arrays.toString(SpaceCategory.values()));
            }
            JsonNode count = entry.getValue();
            if (!count.isIntegralNumber() || !count.canConvertToInt()) {
                throw new InvalidValueException(field, field + " must be an integer");
            }
            counts.put(category, count.intValue());
        }
        return counts;
    }

    private static String clip(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        StringBuilder safe = new StringBuilder(shown.length());
        shown.codePoints().forEach(cp -> safe.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return safe.toString();
    }
}
