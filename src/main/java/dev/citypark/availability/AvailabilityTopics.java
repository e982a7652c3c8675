package dev.citypark.availability;

/** Kafka topics the availability module owns. */
public final class AvailabilityTopics {

    /**
     * Every applied place state ({@link AppliedPlaceState} as JSON), key = place id, published by the consumers after
     * each chunk of events is applied in Redis. At least once; a redelivered or repeated state has the same
     * {@code observedAt}.
     */
    public static final String HISTORY = "citypark.availability.v1";

    private AvailabilityTopics() {
    }
}
