package dev.citypark.occupancy;

import java.time.Instant;
import java.util.Map;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.SpaceCategory;

/**
 * Entries and exits a lot counted since its previous report (a delta, not a count). Deltas are applied once per
 * {@code eventId}; a flow observed before the lot's latest {@link LotCount} is already contained in that count and
 * is ignored. Gate entries and exits (session events) take the same path as one-vehicle flows.
 *
 * @param operatorId the reporting operator
 * @param lotId      the lot
 * @param observedAt the end of the counting interval (event time)
 * @param eventId    unique id of this report (a UUID, say), the key for de-duplication
 * @param entries    vehicles that entered per category
 * @param exits      vehicles that left per category
 */
public record LotFlow(OperatorId operatorId, LotId lotId, Instant observedAt, String eventId,
                      Map<SpaceCategory, Integer> entries, Map<SpaceCategory, Integer> exits)
        implements OccupancyEvent {

    public static final String TYPE = "LotFlow";

    public LotFlow {
        EventChecks.require("operatorId", operatorId);
        EventChecks.require("lotId", lotId);
        EventChecks.require("observedAt", observedAt);
        EventChecks.eventId(eventId);
        entries = EventChecks.counts("entries", entries);
        exits = EventChecks.counts("exits", exits);
        if (entries.isEmpty() && exits.isEmpty()) {
            throw new InvalidValueException("entries", "a LotFlow needs entries or exits for at least one category");
        }
    }

    /** Entries minus exits of a category: the change of its occupied count. */
    public int netChange(SpaceCategory category) {
        return entries.getOrDefault(category, 0) - exits.getOrDefault(category, 0);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
