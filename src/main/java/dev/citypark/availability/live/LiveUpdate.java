package dev.citypark.availability.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.citypark.availability.PlaceRef;
import dev.citypark.core.OperatorId;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.LotFlow;
import dev.citypark.occupancy.Place;
import dev.citypark.occupancy.ValidatedEvent;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.SpaceCategory;

/**
 * One observation, ready for the apply script: the place, its capacity, and the operation's arguments in the
 * script's order (see {@code apply.lua}).
 *
 * @param place      the lot or segment
 * @param operator   the operator the observation is counted for
 * @param capacity   the place's capacity (for clamping and status)
 * @param operation  {@code BAY}, {@code COUNT} or {@code FLOW}
 * @param arguments  the operation's arguments
 * @param resent     a re-sent (补传) bay reading
 */
public record LiveUpdate(PlaceRef place, OperatorId operator, Capacity capacity, String operation,
                         List<String> arguments, boolean resent) {

    private static final SpaceCategory[] CATEGORIES = SpaceCategory.values();

    public LiveUpdate {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(operation, "operation");
        arguments = List.copyOf(arguments);
    }

    /** The update for an event the registry check accepted. */
    public static LiveUpdate of(ValidatedEvent valid) {
        Place place = valid.place();
        PlaceRef ref = new PlaceRef(place.kind(), place.id());
        if (valid.event() instanceof BayStatus bay) {
            return new LiveUpdate(ref, bay.operatorId(), place.capacity(), "BAY", List.of(bay.bayId().value(),
                    Integer.toString(valid.bayCategory().ordinal() + 1), bay.occupied() ? "1" : "0",
                    millis(bay.observedAt()), bay.sequence() == null ? "-1" : bay.sequence().toString(),
                    bay.resent() ? "1" : "0"), bay.resent());
        }
        if (valid.event() instanceof LotCount count) {
            List<String> args = new ArrayList<>(8);
            args.add(millis(count.observedAt()));
            args.add(count.sequence() == null ? "-1" : count.sequence().toString());
            args.add(count.closed() ? "1" : "0");
            for (SpaceCategory category : CATEGORIES) {
                Integer free = count.free().get(category);
                Integer occupied = count.occupied().get(category);
                int value = free != null ? place.capacity().count(category) - free : occupied != null ? occupied : -1;
                args.add(Integer.toString(value));
            }
            return new LiveUpdate(ref, count.operatorId(), place.capacity(), "COUNT", args, false);
        }
        LotFlow flow = (LotFlow) valid.event();
        int[] deltas = new int[CATEGORIES.length];
        for (SpaceCategory category : CATEGORIES) {
            deltas[category.ordinal()] = flow.netChange(category);
        }
        return flow(ref, flow.operatorId(), place.capacity(), flow.observedAt(), flow.eventId(), deltas);
    }

    /** A flow (also a gate entry or exit: a one-vehicle flow) with its change of occupied per category. */
    public static LiveUpdate flow(PlaceRef place, OperatorId operator, Capacity capacity, Instant observedAt,
            String eventId, int[] deltas) {
        if (deltas.length != CATEGORIES.length) {
            throw new IllegalArgumentException("one delta per category expected");
        }
        List<String> args = new ArrayList<>(7);
        args.add(millis(observedAt));
        args.add(eventId);
        for (int delta : deltas) {
            args.add(Integer.toString(delta));
        }
        return new LiveUpdate(place, operator, capacity, "FLOW", args, false);
    }

    private static String millis(Instant at) {
        return Long.toString(at.toEpochMilli());
    }
}
