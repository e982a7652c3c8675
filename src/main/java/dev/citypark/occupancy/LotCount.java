package dev.citypark.occupancy;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.SpaceCategory;

/**
 * A lot counter's absolute reading: free and/or occupied spaces per category at {@code observedAt}. Categories not
 * reported keep their previous value. When both are given for a category, {@code free} is what drivers care about and
 * wins; the validator checks that {@code free + occupied} does not exceed the capacity.
 *
 * @param operatorId the reporting operator
 * @param lotId      the lot
 * @param observedAt when it was counted (event time)
 * @param free       free spaces per category, each 0..capacity
 * @param occupied   occupied spaces per category, each 0..capacity
 * @param closed     the operator reports the lot closed (maintenance, event, after hours): status {@code CLOSED}
 *                   until a later count says otherwise
 * @param sequence   the counter's own sequence number, &ge; 0, or {@code null}
 */
public record LotCount(OperatorId operatorId, LotId lotId, Instant observedAt, Map<SpaceCategory, Integer> free,
                       Map<SpaceCategory, Integer> occupied, boolean closed, Long sequence) implements OccupancyEvent {

    public static final String TYPE = "LotCount";

    public LotCount {
        EventChecks.require("operatorId", operatorId);
        EventChecks.require("lotId", lotId);
        EventChecks.require("observedAt", observedAt);
        free = EventChecks.counts("free", free);
        occupied = EventChecks.counts("occupied", occupied);
        if (free.isEmpty() && occupied.isEmpty() && !closed) {
            throw new InvalidValueException("free", "a LotCount needs free or occupied counts for at least one "
                    + "category (or closed: true)");
        }
        EventChecks.sequence(sequence);
    }

    public OptionalLong findSequence() {
        return sequence == null ? OptionalLong.empty() : OptionalLong.of(sequence);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
