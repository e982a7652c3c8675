package dev.citypark.analytics.sessions;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Plate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code citypark.sessions.v1} event as analytics keeps it: the plate already replaced by its keyed hash.
 */
public record SessionFact(String type, UUID eventId, UUID sessionId, String placeKind, String placeId,
                          String operatorId, String districtCode, String category, String plateHash, Instant entryAt,
                          Instant exitAt, Long feeFen, Long paidFen, String settlement) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public SessionFact {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(placeId, "placeId");
        Objects.requireNonNull(plateHash, "plateHash");
    }

    /** Seconds from entry to exit, or null while there is no exit. */
    public Long durationSeconds() {
        return entryAt == null || exitAt == null ? null : Math.max(0, Duration.between(entryAt, exitAt).toSeconds());
    }

    /** Parses an event and hashes its plate; the raw plate is not kept. */
    public static SessionFact parse(String json, PlateHasher hasher) {
        try {
            JsonNode n = JSON.readTree(json);
            return new SessionFact(text(n, "type"), UUID.fromString(text(n, "eventId")),
                    UUID.fromString(text(n, "sessionId")), text(n, "placeKind"), text(n, "placeId"),
                    text(n, "operatorId"), text(n, "districtCode"), text(n, "category"),
                    hasher.hash(Plate.of(text(n, "plate")), text(n, "plateColour")), instant(n, "entryAt"),
                    instant(n, "exitAt"), number(n, "feeFen"), number(n, "paidFen"), text(n, "settlement"));
        }
        catch (InvalidValueException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new InvalidValueException("event", "not a session event: " + e.getClass().getSimpleName());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant instant(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : Instant.parse(v);
    }

    private static Long number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asLong();
    }
}
