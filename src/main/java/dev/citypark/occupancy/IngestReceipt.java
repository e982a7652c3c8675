package dev.citypark.occupancy;

import java.time.Instant;

/**
 * The answer to an accepted batch: every event is in the event log (the broker acknowledged it) and will be applied
 * to live availability by the consumers, in event-time order.
 *
 * @param accepted   events accepted
 * @param receivedAt when the batch was received
 */
public record IngestReceipt(int accepted, Instant receivedAt) {
}
