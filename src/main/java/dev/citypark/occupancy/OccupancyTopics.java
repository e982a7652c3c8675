package dev.citypark.occupancy;

/** Kafka topics of occupancy ingest. Values are JSON strings, keys the place id (lot or segment). */
public final class OccupancyTopics {

    /** Every accepted occupancy event, keyed by lot or segment id (≥ 6 partitions). */
    public static final String OCCUPANCY = "citypark.occupancy.v1";

    /** Records of {@link #OCCUPANCY} that failed parsing or validation, with the reason in headers. */
    public static final String OCCUPANCY_DLT = "citypark.occupancy.v1.dlt";

    /** Dead-letter header: the {@link RejectReason} name. */
    public static final String DLT_REASON_HEADER = "citypark-dlt-reason";

    /** Dead-letter header: the offending field (JSON path in the event), may be empty. */
    public static final String DLT_FIELD_HEADER = "citypark-dlt-field";

    /** Dead-letter header: a human-readable explanation. */
    public static final String DLT_MESSAGE_HEADER = "citypark-dlt-message";

    /** Dead-letter headers: where the record came from. */
    public static final String DLT_ORIGINAL_TOPIC_HEADER = "citypark-dlt-original-topic";
    public static final String DLT_ORIGINAL_PARTITION_HEADER = "citypark-dlt-original-partition";
    public static final String DLT_ORIGINAL_OFFSET_HEADER = "citypark-dlt-original-offset";

    /** Header on records published by the REST ingest: the authenticated operator. */
    public static final String OPERATOR_HEADER = "citypark-operator";

    private OccupancyTopics() {
    }
}
