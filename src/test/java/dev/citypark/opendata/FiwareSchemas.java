package dev.citypark.opendata;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official FIWARE {@code dataModel.Parking} JSON Schemas (2020-12) from {@code src/test/resources/schemas/fiware},
 * with the common schema's published URI mapped to the local copy, so validation never touches the network. Format
 * assertions ({@code date-time}, {@code uri}) are on.
 */
public final class FiwareSchemas {

    private static final String COMMON_PREFIX = "https://smart-data-models.github.io/data-models/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<NgsiType, JsonSchema> schemas = new EnumMap<>(NgsiType.class);

    public FiwareSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(mappers -> mappers.mapPrefix(COMMON_PREFIX, "classpath:schemas/fiware/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        for (NgsiType type : NgsiType.values()) {
            schemas.put(type, factory.getSchema(
                    SchemaLocation.of("classpath:schemas/fiware/" + type.ngsiName() + "/schema.json"), config));
        }
    }

    /** The schema errors of a key-values entity as it is serialised to JSON; empty when it validates. */
    public List<String> errorsOf(NgsiType type, Map<String, ?> keyValues) {
        return errorsOfJson(type, JSON.writeValueAsString(keyValues));
    }

    public List<String> errorsOfJson(NgsiType type, String json) {
        Set<ValidationMessage> messages = schemas.get(type).validate(json, InputFormat.JSON);
        List<String> errors = new ArrayList<>();
        messages.forEach(m -> errors.add(m.getMessage()));
        return errors;
    }

    /**
     * A normalized entity turned back into key-values: every {@code {type, value}} / {@code {type, object}} wrapper
     * replaced by its value (typed {@code {"@type", "@value"}} values by their {@code @value}), {@code observedAt} and
     * {@code @context} dropped.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> unwrap(Map<String, ?> normalized) {
        Map<String, Object> keyValues = new LinkedHashMap<>();
        for (Map.Entry<String, ?> attribute : normalized.entrySet()) {
            String name = attribute.getKey();
            if (name.equals("@context")) {
                continue;
            }
            if (name.equals("id") || name.equals("type")) {
                keyValues.put(name, attribute.getValue());
                continue;
            }
            Map<String, Object> wrapper = (Map<String, Object>) attribute.getValue();
            Object kind = wrapper.get("type");
            if (!"Property".equals(kind) && !"GeoProperty".equals(kind) && !"Relationship".equals(kind)) {
                throw new AssertionError("attribute " + name + " is not a Property, GeoProperty or Relationship: "
                        + wrapper);
            }
            Object value = "Relationship".equals(kind) ? wrapper.get("object") : wrapper.get("value");
            if (value instanceof Map<?, ?> typed && typed.containsKey("@value")) {
                value = typed.get("@value");
            }
            keyValues.put(name, value);
        }
        return keyValues;
    }
}
