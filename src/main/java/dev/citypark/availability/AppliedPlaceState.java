package dev.citypark.availability;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import dev.citypark.core.InvalidValueException;
import dev.citypark.occupancy.PlaceKind;
import dev.citypark.registry.SpaceCategory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One place's state as it was applied, the message of {@link AvailabilityTopics#HISTORY}: counts as of the
 * observation ({@code observedAt}, freshness judged at that time, so a replayed or late event still carries its
 * counts), and {@code stale} when the observation was already older than the stale time when it was applied.
 * <p>
 * JSON (every field always present):
 * <pre>{"placeId":"QD-L-00001","kind":"LOT","operatorId":"OP-GAR-01","districtCode":"370202","status":"OPEN",
 * "observedAt":"…","stale":false,"capacity":120,"occupied":80,"free":40,"unknown":0,
 * "categories":{"GENERAL":{"capacity":100,"occupied":70,"free":30,"unknown":0},…},"appliedAt":"…"}</pre>
 */
public record AppliedPlaceState(PlaceRef place, String operatorId, String districtCode, AvailabilityStatus status,
                                Instant observedAt, boolean stale, int capacity, int occupied, int free, int unknown,
                                Map<SpaceCategory, CategoryAvailability> categories, Instant appliedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public AppliedPlaceState {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(operatorId, "operatorId");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(appliedAt, "appliedAt");
        categories = Map.copyOf(categories);
        if (free + occupied + unknown != capacity) {
            throw new IllegalArgumentException("free + occupied + unknown must equal capacity for " + place);
        }
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("placeId", place.id());
        node.put("kind", place.kind().name());
        node.put("operatorId", operatorId);
        node.put("districtCode", districtCode);
        node.put("status", status.name());
        node.put("observedAt", observedAt.toString());
        node.put("stale", stale);
        node.put("capacity", capacity);
        node.put("occupied", occupied);
        node.put("free", free);
        node.put("unknown", unknown);
        ObjectNode cats = node.putObject("categories");
        for (SpaceCategory category : SpaceCategory.values()) {
            CategoryAvailability c = categories.get(category);
            if (c != null) {
                ObjectNode n = cats.putObject(category.name());
                n.put("capacity", c.capacity());
                n.put("occupied", c.occupied());
                n.put("free", c.free());
                n.put("unknown", c.unknown());
            }
        }
        node.put("appliedAt", appliedAt.toString());
        return JSON.writeValueAsString(node);
    }

    /** Reads the JSON of {@link #toJson()}; {@link InvalidValueException} when it is not that shape. */
    public static AppliedPlaceState parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Map<SpaceCategory, CategoryAvailability> categories = new EnumMap<>(SpaceCategory.class);
            for (var entry : node.required("categories").properties()) {
                JsonNode c = entry.getValue();
                categories.put(SpaceCategory.valueOf(entry.getKey()), new CategoryAvailability(
                        c.required("capacity").asInt(), c.required("free").asInt(), c.required("occupied").asInt(),
                        c.required("unknown").asInt()));
            }
            return new AppliedPlaceState(
                    new PlaceRef(PlaceKind.valueOf(node.required("kind").asString()),
                            node.required("placeId").asString()),
                    node.required("operatorId").asString(), node.required("districtCode").asString(),
                    AvailabilityStatus.valueOf(node.required("status").asString()),
                    Instant.parse(node.required("observedAt").asString()), node.required("stale").asBoolean(),
                    node.required("capacity").asInt(), node.required("occupied").asInt(),
                    node.required("free").asInt(), node.required("unknown").asInt(), categories,
                    Instant.parse(node.required("appliedAt").asString()));
        }
        catch (RuntimeException e) {
            throw new InvalidValueException("state", "not an applied place state: " + e.getMessage());
        }
    }
}
