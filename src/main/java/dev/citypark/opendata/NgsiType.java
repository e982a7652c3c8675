package dev.citypark.opendata;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.citypark.core.InvalidValueException;

/** The NGSI-LD entity types citypark publishes (FIWARE Smart Data Models, {@code dataModel.Parking}). */
public enum NgsiType {
    /** A lot ({@code registry.Lot}). */
    OFF_STREET_PARKING("OffStreetParking"),
    /** A street segment with marked bays ({@code registry.Segment}). */
    ON_STREET_PARKING("OnStreetParking"),
    /** One individually known bay: on a street segment or inside a garage with an indoor model. */
    PARKING_SPOT("ParkingSpot");

    private static final String URN_PREFIX = "urn:ngsi-ld:";

    private final String ngsiName;

    NgsiType(String ngsiName) {
        this.ngsiName = ngsiName;
    }

    /** The type name as NGSI-LD and the Smart Data Models spell it, e.g. {@code OffStreetParking}. */
    public String ngsiName() {
        return ngsiName;
    }

    /** The entity id of a place of this type: {@code urn:ngsi-ld:<Type>:<registry id>}. */
    public String urn(String localId) {
        return URN_PREFIX + ngsiName + ":" + localId;
    }

    /** The type named {@code value} (exact NGSI-LD spelling), or a validation error naming {@code field}. */
    public static NgsiType parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " is required, one of " + names());
        }
        return Arrays.stream(values()).filter(t -> t.ngsiName.equals(value.trim())).findFirst()
                .orElseThrow(() -> new InvalidValueException(field, "unknown entity type '" + value
                        + "'; one of " + names()));
    }

    /** Splits {@code urn:ngsi-ld:<Type>:<local id>} into type and local id; empty when it names no type of ours. */
    static Optional<Urn> parseUrn(String id) {
        if (id == null || !id.startsWith(URN_PREFIX)) {
            return Optional.empty();
        }
        String rest = id.substring(URN_PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            return Optional.empty();
        }
        String typeName = rest.substring(0, colon);
        return Arrays.stream(values()).filter(t -> t.ngsiName.equals(typeName)).findFirst()
                .map(t -> new Urn(t, rest.substring(colon + 1)));
    }

    private static String names() {
        return Arrays.stream(values()).map(NgsiType::ngsiName).collect(Collectors.joining(", "));
    }

    record Urn(NgsiType type, String localId) {
    }
}
