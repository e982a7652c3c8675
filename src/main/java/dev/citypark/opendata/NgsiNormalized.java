package dev.citypark.opendata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns a key-values entity into NGSI-LD normalized form: {@code id} and {@code type} stay as they are,
 * {@code location} becomes a {@code GeoProperty}, {@code ref*} attributes become {@code Relationship}s (with
 * {@code object}), every other attribute a {@code Property}. Date-time values are typed
 * ({@code {"@type": "DateTime", "@value": ...}}) and live attributes carry {@code observedAt}.
 */
final class NgsiNormalized {

    private static final Set<String> DATE_TIMES = Set.of("dateModified", "dateCreated", "occupancyModified");

    private NgsiNormalized() {
    }

    static Map<String, Object> of(Map<String, Object> keyValues) {
        Object observedAt = keyValues.get("occupancyModified");
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (Map.Entry<String, Object> attribute : keyValues.entrySet()) {
            String name = attribute.getKey();
            Object value = attribute.getValue();
            if (name.equals("id") || name.equals("type") || name.equals("@context")) {
                normalized.put(name, value);
                continue;
            }
            Map<String, Object> wrapped = new LinkedHashMap<>();
            if (name.equals("location")) {
                wrapped.put("type", "GeoProperty");
                wrapped.put("value", value);
            }
            else if (name.startsWith("ref")) {
                wrapped.put("type", "Relationship");
                wrapped.put("object", value);
            }
            else {
                wrapped.put("type", "Property");
                wrapped.put("value", DATE_TIMES.contains(name) ? dateTime(value) : value);
                if (observedAt != null && NgsiEntities.LIVE_ATTRIBUTES.contains(name)) {
                    wrapped.put("observedAt", observedAt);
                }
            }
            normalized.put(name, wrapped);
        }
        return normalized;
    }

    private static Map<String, Object> dateTime(Object value) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("@type", "DateTime");
        typed.put("@value", value);
        return typed;
    }
}
