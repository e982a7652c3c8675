package dev.citypark.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live availability settings, under {@code citypark.availability.*}.
 *
 * @param bayStaleAfter      a bay without a report for this long is UNKNOWN
 * @param lotStaleAfter      a lot whose counts were not updated for this long is UNKNOWN
 * @param stuckAfter         a bay sensor reporting the same state for this long is flagged as possibly stuck
 * @param almostFullAt       occupancy ratio from which a place is ALMOST_FULL
 * @param almostFullClearsAt an ALMOST_FULL (or FULL) place shows OPEN again only when its ratio falls to this
 * @param fullClearsAtFree   a FULL place leaves FULL only with this many free spaces (or all, if fewer)
 * @param flowWindow         how long flow and gate event ids are remembered for de-duplication; older flows are
 *                           ignored as expired
 * @param coalesce           at most one pushed change per place per this interval
 * @param heartbeat          SSE heartbeat interval
 * @param maxPlacesPerQuery  most places one bounding-box read or stream may cover
 * @param consumer           the Kafka consumers that apply events
 * @param snapshots          periodic snapshots to PostgreSQL and the rebuild of an empty Redis
 */
@ConfigurationProperties("citypark.availability")
public record AvailabilityProperties(
        @DefaultValue("15m") Duration bayStaleAfter,
        @DefaultValue("30m") Duration lotStaleAfter,
        @DefaultValue("48h") Duration stuckAfter,
        @DefaultValue("0.90") double almostFullAt,
        @DefaultValue("0.85") double almostFullClearsAt,
        @DefaultValue("2") int fullClearsAtFree,
        @DefaultValue("6h") Duration flowWindow,
        @DefaultValue("1s") Duration coalesce,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("5000") int maxPlacesPerQuery,
        @DefaultValue Consumer consumer,
        @DefaultValue Snapshots snapshots) {

    public AvailabilityProperties {
        if (!(almostFullClearsAt > 0 && almostFullClearsAt <= almostFullAt && almostFullAt <= 1)) {
            throw new IllegalArgumentException("citypark.availability: need 0 < almost-full-clears-at <= "
                    + "almost-full-at <= 1, got " + almostFullClearsAt + " and " + almostFullAt);
        }
        if (fullClearsAtFree < 1) {
            throw new IllegalArgumentException("citypark.availability.full-clears-at-free must be >= 1");
        }
        if (maxPlacesPerQuery < 1) {
            throw new IllegalArgumentException("citypark.availability.max-places-per-query must be >= 1");
        }
    }

    /**
     * @param groupId        consumer group of every instance (offsets are committed only after Redis applied)
     * @param concurrency    consumer threads per instance for the occupancy topic
     * @param maxPollRecords records per batch
     * @param enabled        whether this instance consumes at all
     */
    public record Consumer(
            @DefaultValue("citypark-availability") String groupId,
            @DefaultValue("2") int concurrency,
            @DefaultValue("1000") int maxPollRecords,
            @DefaultValue("true") boolean enabled) {
    }

    /**
     * @param interval     how often live state is written to PostgreSQL
     * @param keep         snapshots kept
     * @param enabled      whether this instance takes snapshots
     * @param watchInterval how often an instance checks that Redis still holds live state (and rebuilds it if not)
     */
    public record Snapshots(
            @DefaultValue("1m") Duration interval,
            @DefaultValue("3") int keep,
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5s") Duration watchInterval) {
    }
}
