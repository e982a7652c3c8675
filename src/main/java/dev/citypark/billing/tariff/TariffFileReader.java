package dev.citypark.billing.tariff;

import dev.citypark.billing.Tariff;
import dev.citypark.billing.TariffFormatException;
import dev.citypark.billing.TariffId;
import dev.citypark.core.InvalidValueException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code tariffs.json} (format version 1) into validated {@link Tariff}s. Every field is required and unknown
 * fields are refused; a failure names the source, the tariff and the field path.
 *
 * <pre>{@code
 * {"formatVersion": 1,
 *  "note": "...",
 *  "tariffs": [
 *    {"id": "QD-T1-CORE", "name": "...", "description": "...",
 *     "versions": [{"effectiveFrom": "2024-01-01", "rules": [{"type": "FreeMinutes", ...}, ...]}]}]}
 * }</pre>
 */
public final class TariffFileReader {

    /** The only format this reader knows. */
    public static final int FORMAT_VERSION = 1;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private TariffFileReader() {
    }

    record VersionDocument(LocalDate effectiveFrom, List<TariffRule> rules) {
    }

    record TariffDocument(String id, String name, String description, List<VersionDocument> versions) {
    }

    /**
     * Reads all tariffs of a file.
     *
     * @param source how to name the input in error messages, e.g. its path
     * @throws TariffFormatException when the input is not a valid tariff file
     */
    public static List<Tariff> read(InputStream in, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JacksonException e) {
            throw new TariffFormatException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TariffFormatException(source + ": the top level must be an object");
        }
        JsonNode format = root.get("formatVersion");
        if (format == null || !format.isInt() || format.intValue() != FORMAT_VERSION) {
            throw new TariffFormatException(source + ": formatVersion must be " + FORMAT_VERSION + ", was " + format);
        }
        for (String field : root.propertyNames()) {
            if (!Set.of("formatVersion", "note", "tariffs").contains(field)) {
                throw new TariffFormatException(source + ": unknown top-level field '" + field + "'");
            }
        }
        JsonNode tariffNodes = root.get("tariffs");
        if (tariffNodes == null || !tariffNodes.isArray() || tariffNodes.isEmpty()) {
            throw new TariffFormatException(source + ": tariffs must be a non-empty array");
        }
        List<Tariff> tariffs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < tariffNodes.size(); i++) {
            JsonNode node = tariffNodes.get(i);
            JsonNode idNode = node.get("id");
            String label = idNode != null && idNode.isString() ? "tariff '" + idNode.stringValue() + "'"
                    : "tariffs[" + i + "]";
            Tariff tariff = readTariff(node, source + ": " + label);
            if (!ids.add(tariff.id().value())) {
                throw new TariffFormatException(source + ": " + label + ": id is used by more than one tariff");
            }
            tariffs.add(tariff);
        }
        return List.copyOf(tariffs);
    }

    private static Tariff readTariff(JsonNode node, String where) {
        TariffDocument document;
        try {
            document = MAPPER.treeToValue(node, TariffDocument.class);
        } catch (JacksonException e) {
            throw new TariffFormatException(where + ": " + describe(e), e);
        }
        try {
            List<TariffVersion> versions = new ArrayList<>();
            for (int v = 0; v < document.versions().size(); v++) {
                VersionDocument version = document.versions().get(v);
                if (version == null) {
                    throw new TariffFormatException(where + ": versions[" + v + "] must not be null");
                }
                try {
                    versions.add(new TariffVersion(version.effectiveFrom(), version.rules()));
                } catch (InvalidValueException e) {
                    throw new TariffFormatException(where + ": versions[" + v + "]." + e.field() + ": "
                            + e.getMessage(), e);
                }
            }
            return new Tariff(TariffId.of(document.id()), document.name(), document.description(), versions);
        } catch (InvalidValueException e) {
            throw new TariffFormatException(where + ": " + e.field() + ": " + e.getMessage(), e);
        }
    }

    /** {@code versions[0].rules[2].capFen: capFen must not be negative, was -1}. */
    private static String describe(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof InvalidValueException)) {
            cause = cause.getCause();
        }
        if (cause instanceof InvalidValueException invalid) {
            return (path.isEmpty() ? "" : path + ".") + invalid.field() + ": " + invalid.getMessage();
        }
        String message = e.getOriginalMessage();
        return (path.isEmpty() ? "" : path + ": ") + message;
    }
}
