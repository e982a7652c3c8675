package dev.citypark.search.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityChange;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.BayAvailability;
import dev.citypark.availability.BayState;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.core.BayId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.OperatorId;
import dev.citypark.core.LotId;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.search.Candidate;
import dev.citypark.search.LiveAvailability;
import dev.citypark.search.LiveCount;
import dev.citypark.search.PlaceKind;
import dev.citypark.search.PlaceRef;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static dev.citypark.search.live.RecentCountsTest.T0;
import static dev.citypark.search.live.RecentCountsTest.lot;
import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityLiveAdapterTest {

    final FakeAvailability availability = new FakeAvailability();
    final RecentCounts memory = new RecentCounts(Duration.ofMinutes(35), Duration.ofSeconds(30), 100);
    final AvailabilityLiveAdapter adapter = new AvailabilityLiveAdapter(availability, memory);

    static final PlaceRef L1 = new PlaceRef(PlaceKind.LOT, "L1");
    static final PlaceRef L2 = new PlaceRef(PlaceKind.LOT, "L2");
    static final PlaceRef L3 = new PlaceRef(PlaceKind.LOT, "L3");
    static final PlaceRef B1 = new PlaceRef(PlaceKind.BAY, "QD-S-00001-01");
    static final PlaceRef B2 = new PlaceRef(PlaceKind.BAY, "QD-S-00001-02");
    static final PlaceRef B3 = new PlaceRef(PlaceKind.BAY, "QD-S-00001-03");

    @Test
    void readsPlacesAndBaysInOneLookupEach() {
        availability.places.put("L1", lot("L1", 7, T0));
        availability.places.put("L2", lot("L2", 0, T0, AvailabilityStatus.CLOSED));
        availability.bays.put(BayId.of(B1.id()), bay(B1, BayState.FREE));
        availability.bays.put(BayId.of(B2.id()), bay(B2, BayState.OCCUPIED));
        availability.bays.put(BayId.of(B3.id()), bay(B3, BayState.UNKNOWN));

        Map<PlaceRef, LiveCount> live = adapter.lookup(List.of(L1, L2, L3, B1, B2, B3), SpaceCategory.GENERAL,
                Duration.ZERO).block();

        assertThat(live).containsOnlyKeys(L1, L2, B1, B2);
        assertThat(live.get(L1)).isEqualTo(LiveCount.of(7, T0, false));
        assertThat(live.get(L2).free()).isZero();
        assertThat(live.get(B1).free()).isEqualTo(1);
        assertThat(live.get(B2).free()).isZero();
        assertThat(availability.placeReads).containsExactly(List.of("L1", "L2", "L3"));
        assertThat(availability.bayReads).hasSize(1);
    }

    @Test
    void expectsResultsFromTheCountItLastHeard() {
        memory.record(lot("L1", 7, T0));
        memory.record(lot("L2", 0, T0));
        memory.record(lot("QD-S-00001", 2, T0)); // the bays' segment (the memory is keyed by place id)
        memory.record(lot("QD-S-00002", 0, T0));

        assertThat(adapter.likelyResult(candidate(L1, null), SpaceCategory.GENERAL))
                .isEqualTo(AvailabilityLiveAdapter.LAST_SEEN_FREE);
        assertThat(adapter.likelyResult(candidate(L2, null), SpaceCategory.GENERAL))
                .isEqualTo(AvailabilityLiveAdapter.LAST_SEEN_FULL);
        assertThat(adapter.likelyResult(candidate(L3, null), SpaceCategory.GENERAL))
                .isEqualTo(LiveAvailability.NO_IDEA);
        assertThat(adapter.likelyResult(candidate(B1, "QD-S-00001"), SpaceCategory.GENERAL))
                .isEqualTo(AvailabilityLiveAdapter.BAY_OF_FREE_SEGMENT);
        assertThat(adapter.likelyResult(candidate(new PlaceRef(PlaceKind.BAY, "QD-S-00002-01"), "QD-S-00002"),
                SpaceCategory.GENERAL)).isEqualTo(AvailabilityLiveAdapter.LAST_SEEN_FULL);
    }

    private static Candidate candidate(PlaceRef place, String segment) {
        return new Candidate(place, "test", GeoPoint.of(36.0671, 120.3826), 10, 1, "QD-T1-CORE",
                OperatorId.of("OP-TEST"), "370202", Optional.ofNullable(segment).map(SegmentId::of));
    }

    @Test
    void aStalePlaceCarriesItsLastSeenCountMarkedStale() {
        availability.places.put("L1", lot("L1", 9, T0));
        adapter.lookup(List.of(L1), SpaceCategory.GENERAL, Duration.ZERO).block();
        availability.places.put("L1", lot("L1", 0, T0, AvailabilityStatus.UNKNOWN));
        availability.places.put("L2", lot("L2", 0, T0, AvailabilityStatus.UNKNOWN));

        Map<PlaceRef, LiveCount> live = adapter.lookup(List.of(L1, L2), SpaceCategory.GENERAL, Duration.ZERO)
                .block();

        assertThat(live).containsOnlyKeys(L1);
        assertThat(live.get(L1)).isEqualTo(LiveCount.of(9, T0, true));
    }

    @Test
    void carriesRememberedSamplesOfTheWindow() {
        memory.record(lot("L1", 30, T0.minusSeconds(1200)));
        memory.record(lot("L1", 20, T0.minusSeconds(600)));
        availability.places.put("L1", lot("L1", 10, T0));

        LiveCount count = adapter.lookup(List.of(L1), SpaceCategory.GENERAL, Duration.ofMinutes(30)).block()
                .get(L1);

        assertThat(count.free()).isEqualTo(10);
        assertThat(count.recent()).extracting(s -> s.free()).containsExactly(30, 20);
        assertThat(adapter.lookup(List.of(L1), SpaceCategory.GENERAL, Duration.ZERO).block().get(L1).recent())
                .isEmpty();
    }

    @Test
    void asksNothingForAnEmptyKind() {
        availability.places.put("L1", lot("L1", 3, T0));
        adapter.lookup(List.of(L1), SpaceCategory.GENERAL, Duration.ZERO).block();
        assertThat(availability.bayReads).isEmpty();
    }

    private static BayAvailability bay(PlaceRef bay, BayState state) {
        return new BayAvailability(BayId.of(bay.id()), dev.citypark.availability.PlaceRef.segment("QD-S-00001"),
                SpaceCategory.GENERAL, state, state == BayState.UNKNOWN ? null : T0,
                state == BayState.UNKNOWN ? null : T0, false);
    }

    static final class FakeAvailability implements Availability {

        final Map<String, PlaceAvailability> places = new LinkedHashMap<>();
        final Map<BayId, BayAvailability> bays = new LinkedHashMap<>();
        final List<List<String>> placeReads = new ArrayList<>();
        final List<List<BayId>> bayReads = new ArrayList<>();

        @Override
        public Mono<PlaceAvailability> forLot(LotId lot) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<PlaceAvailability> forSegment(SegmentId segment) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<BayAvailability> forBay(BayId bay) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<Map<BayId, BayAvailability>> forBays(Collection<BayId> wanted) {
            return Mono.fromSupplier(() -> {
                bayReads.add(List.copyOf(wanted));
                Map<BayId, BayAvailability> found = new LinkedHashMap<>();
                wanted.forEach(b -> {
                    if (bays.containsKey(b)) {
                        found.put(b, bays.get(b));
                    }
                });
                return found;
            });
        }

        @Override
        public Mono<Map<String, PlaceAvailability>> forPlaces(Collection<String> ids) {
            return Mono.fromSupplier(() -> {
                placeReads.add(List.copyOf(ids));
                Map<String, PlaceAvailability> found = new LinkedHashMap<>();
                ids.forEach(id -> {
                    if (places.containsKey(id)) {
                        found.put(id, places.get(id));
                    }
                });
                return found;
            });
        }

        @Override
        public Mono<List<PlaceAvailability>> inBox(Envelope wgs84Box) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Flux<AvailabilityChange> changes() {
            return Flux.empty();
        }
    }
}
