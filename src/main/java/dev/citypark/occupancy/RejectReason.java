package dev.citypark.occupancy;

/** Why an event was refused. The REST API answers 400 for all but {@link #FORBIDDEN} (403). */
public enum RejectReason {
    /** Not JSON, or not a JSON object. */
    MALFORMED,
    /** JSON of the wrong shape: a missing or mistyped field, a negative number, an unknown type or schema. */
    INVALID,
    /** The bay, lot or segment is not in the registry. */
    UNKNOWN_PLACE,
    /** The place belongs to another operator than the one reporting. */
    FORBIDDEN,
    /** {@code observedAt} lies further in the future than the allowed clock skew. */
    FUTURE_TIMESTAMP,
    /** A count exceeds the capacity of the place (free &gt; capacity, say). */
    OVER_CAPACITY,
    /** A Kafka record whose key is not the id of the event's place (events of one place must share a partition). */
    WRONG_KEY,
    /** A Kafka record without a valid signature (missing, malformed, forged, or its key unknown or revoked). */
    SIGNATURE;

    /** The counter name, e.g. {@code rejected.unknown_place}. */
    public String counterName() {
        return "rejected." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
