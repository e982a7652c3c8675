package dev.citypark.search.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.BayAvailability;
import dev.citypark.availability.BayState;
import dev.citypark.availability.CategoryAvailability;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.core.BayId;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.search.Candidate;
import dev.citypark.search.FreeSample;
import dev.citypark.search.LiveAvailability;
import dev.citypark.search.LiveCount;
import dev.citypark.search.PlaceKind;
import dev.citypark.search.PlaceRef;
import reactor.core.publisher.Mono;

/**
 * Search's {@link LiveAvailability} port over the availability module's public API. One query is one Redis round
 * trip: the lots and segments ({@link Availability#forPlaces}, one {@code HGETALL} each) and the bays of sensed
 * segments ({@link Availability#forBays}, one {@code HMGET} per segment) are both subscribed at once by
 * {@link Mono#zip}, so all their commands are written to the shared, pipelining connection before any reply is
 * awaited.
 * <ul>
 *     <li>A fresh lot or segment: the category's known free count (0 when closed), its observation time, and the
 *     recent samples {@link RecentCounts} remembers when a window is asked for. The state read is remembered too.</li>
 *     <li>A stale one (availability's freshness policy made it UNKNOWN): the last count this instance saw, marked
 *     stale; absent when it never saw one.</li>
 *     <li>A bay: FREE is 1, OCCUPIED 0; UNKNOWN (stale or never reported) is absent, since the last state of a
 *     stale bay is not published.</li>
 * </ul>
 */
class AvailabilityLiveAdapter implements LiveAvailability {

    static final double LAST_SEEN_FREE = 0.9;
    static final double LAST_SEEN_FULL = 0.05;
    static final double BAY_OF_FREE_SEGMENT = 0.5;

    private final Availability availability;
    private final RecentCounts memory;

    AvailabilityLiveAdapter(Availability availability, RecentCounts memory) {
        this.availability = availability;
        this.memory = memory;
    }

    @Override
    public Mono<Map<PlaceRef, LiveCount>> lookup(List<PlaceRef> places, SpaceCategory category,
                                                 Duration recentWindow) {
        return Mono.defer(() -> {
            List<String> placeIds = new ArrayList<>();
            List<BayId> bays = new ArrayList<>();
            for (PlaceRef place : places) {
                if (place.kind() == PlaceKind.BAY) {
                    bays.add(BayId.of(place.id()));
                }
                else {
                    placeIds.add(place.id());
                }
            }
            Mono<Map<String, PlaceAvailability>> placeRead = placeIds.isEmpty() ? Mono.just(Map.of())
                    : availability.forPlaces(placeIds);
            Mono<Map<BayId, BayAvailability>> bayRead = bays.isEmpty() ? Mono.just(Map.of())
                    : availability.forBays(bays);
            return Mono.zip(placeRead, bayRead).map(read -> {
                Map<PlaceRef, LiveCount> counts = new HashMap<>();
                for (PlaceRef place : places) {
                    Optional<LiveCount> count = place.kind() == PlaceKind.BAY
                            ? bay(read.getT2().get(BayId.of(place.id())))
                            : place(read.getT1().get(place.id()), category, recentWindow);
                    count.ifPresent(c -> counts.put(place, c));
                }
                return counts;
            });
        });
    }

    /**
     * From the last count this instance heard for the place (for a bay: its segment's count of the category): free
     * spaces → {@value #LAST_SEEN_FREE} (a bay: {@value #BAY_OF_FREE_SEGMENT}, which of them is free is not known),
     * full → {@value #LAST_SEEN_FULL}, nothing heard → {@link #NO_IDEA}. The age of what was heard is not weighed:
     * a count that has not changed is not re-announced, so an old count is usually still the count.
     */
    @Override
    public double likelyResult(Candidate candidate, SpaceCategory category) {
        boolean bay = candidate.place().kind() == PlaceKind.BAY;
        String placeId = bay ? candidate.segment().map(SegmentId::value).orElse(null) : candidate.place().id();
        if (placeId == null) {
            return NO_IDEA;
        }
        Optional<FreeSample> last = memory.last(placeId, category);
        if (last.isEmpty()) {
            return NO_IDEA;
        }
        if (last.get().free() < 1) {
            return LAST_SEEN_FULL;
        }
        return bay ? BAY_OF_FREE_SEGMENT : LAST_SEEN_FREE;
    }

    private Optional<LiveCount> place(PlaceAvailability live, SpaceCategory category, Duration window) {
        if (live == null) {
            return Optional.empty();
        }
        CategoryAvailability counts = live.categories().get(category);
        if (counts == null) {
            return Optional.empty();
        }
        String id = live.place().id();
        if (live.status() == AvailabilityStatus.UNKNOWN || live.updatedAt() == null) {
            return memory.last(id, category).map(last -> LiveCount.of(last.free(), last.at(), true));
        }
        memory.record(live);
        int free = live.status() == AvailabilityStatus.CLOSED ? 0 : counts.free();
        List<FreeSample> recent = window.isZero() || window.isNegative() ? List.of()
                : memory.samples(id, category, live.updatedAt().minus(window), live.updatedAt());
        return Optional.of(new LiveCount(free, live.updatedAt(), false, recent));
    }

    private static Optional<LiveCount> bay(BayAvailability bay) {
        if (bay == null || bay.state() == BayState.UNKNOWN || bay.observedAt() == null) {
            return Optional.empty();
        }
        return Optional.of(LiveCount.of(bay.state() == BayState.FREE ? 1 : 0, bay.observedAt(), false));
    }
}
