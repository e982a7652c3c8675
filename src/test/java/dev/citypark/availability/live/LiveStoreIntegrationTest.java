package dev.citypark.availability.live;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityFlag;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.BayState;
import dev.citypark.availability.CountSource;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.availability.PlaceRef;
import dev.citypark.core.BayId;
import dev.citypark.core.SensorId;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.LotFlow;
import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.occupancy.OccupancyValidator;
import dev.citypark.occupancy.ValidatedEvent;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apply script on the real Redis: event-time order, idempotency, roll-up of bays into their place, lot counts and
 * flows, clamping, and freshness at read time. Each test uses its own real place of the committed city.
 */
@CityparkIntegrationTest
class LiveStoreIntegrationTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

    @Autowired
    LiveStore store;

    @Autowired
    OccupancyValidator validator;

    @Autowired
    Registry registry;

    @Autowired
    Availability availability;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void rollsBayReadingsUpIntoTheirSegment() {
        Segment segment = segment(0);
        List<BayId> bays = segment.bays().stream().map(b -> b.id()).toList();

        List<ApplyResult> results = apply(bay(segment, bays.get(0), true, T0, null),
                bay(segment, bays.get(1), true, T0, null), bay(segment, bays.get(2), false, T0, null));

        assertThat(results).extracting(ApplyResult::outcome).containsOnly(ApplyOutcome.APPLIED);
        PlaceAvailability read = availability.forSegment(segment.id()).block();
        assertThat(read.occupied()).isEqualTo(2);
        assertThat(read.free()).isEqualTo(1);
        assertThat(read.unknown()).isEqualTo(bays.size() - 3);
        assertThat(read.source()).isEqualTo(CountSource.BAY_SENSORS);
        assertThat(read.updatedAt()).isEqualTo(T0);
    }

    @Test
    void ignoresAnOlderReadingOfABay() {
        Segment segment = segment(1);
        BayId bay = segment.bays().get(0).id();

        apply(bay(segment, bay, true, T0.plusSeconds(60), null));
        List<ApplyResult> late = apply(bay(segment, bay, false, T0, null));

        assertThat(late).extracting(ApplyResult::outcome).containsExactly(ApplyOutcome.OLDER);
        assertThat(availability.forBay(bay).block().state()).isEqualTo(BayState.OCCUPIED);
        assertThat(availability.forSegment(segment.id()).block().occupied()).isEqualTo(1);
    }

    @Test
    void replayingTheSameReadingsChangesNothing() {
        Segment segment = segment(2);
        BayId bay = segment.bays().get(0).id();
        List<ValidatedEvent> readings = List.of(bay(segment, bay, true, T0, 1L), bay(segment, bay, false,
                T0.plusSeconds(30), 2L), bay(segment, bay, true, T0.plusSeconds(90), 3L));

        apply(readings.toArray(ValidatedEvent[]::new));
        Map<String, String> before = store.read(ref(segment)).block();
        List<ApplyResult> replay = apply(readings.toArray(ValidatedEvent[]::new));

        assertThat(replay).extracting(ApplyResult::outcome).containsExactly(ApplyOutcome.OLDER, ApplyOutcome.OLDER,
                ApplyOutcome.DUPLICATE);
        assertThat(store.read(ref(segment)).block()).isEqualTo(before);
    }

    @Test
    void breaksTiesOfEqualTimesBySequenceAndKeepsSinceWhileTheStateHolds() {
        Segment segment = segment(3);
        BayId bay = segment.bays().get(0).id();

        apply(bay(segment, bay, true, T0, 5L));
        assertThat(apply(bay(segment, bay, false, T0, 4L))).extracting(ApplyResult::outcome)
                .containsExactly(ApplyOutcome.OLDER);
        apply(bay(segment, bay, true, T0.plusSeconds(120), 6L));

        var read = availability.forBay(bay).block();
        assertThat(read.state()).isEqualTo(BayState.OCCUPIED);
        assertThat(read.since()).isEqualTo(T0);
        assertThat(read.observedAt()).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void appliesLotCountsInEventTimeOrder() {
        Lot lot = countedLot(0);
        int capacity = lot.capacity().count(SpaceCategory.GENERAL);

        apply(count(lot, T0.plusSeconds(60), capacity - 3));
        List<ApplyResult> older = apply(count(lot, T0, 1));

        assertThat(older).extracting(ApplyResult::outcome).containsExactly(ApplyOutcome.OLDER);
        PlaceAvailability read = availability.forLot(lot.id()).block();
        assertThat(read.categories().get(SpaceCategory.GENERAL).free()).isEqualTo(capacity - 3);
        assertThat(read.source()).isEqualTo(CountSource.LOT_COUNTS);
    }

    @Test
    void appliesFlowsOnceAndOnlyAfterTheLatestCount() {
        Lot lot = countedLot(1);
        int capacity = lot.capacity().count(SpaceCategory.GENERAL);
        apply(count(lot, T0, capacity - 10));
        ValidatedEvent flow = flow(lot, T0.plusSeconds(30), 3, 1);

        assertThat(apply(flow, flow, flow(lot, T0.minusSeconds(1), 5, 0))).extracting(ApplyResult::outcome)
                .containsExactly(ApplyOutcome.APPLIED, ApplyOutcome.DUPLICATE, ApplyOutcome.OLDER);
        assertThat(generalFree(lot)).isEqualTo(capacity - 10 - 2);
    }

    @Test
    void aLateCountKeepsTheFlowsObservedAfterIt() {
        Lot lot = countedLot(2);
        int capacity = lot.capacity().count(SpaceCategory.GENERAL);
        apply(count(lot, T0, capacity - 10));
        apply(flow(lot, T0.plusSeconds(120), 4, 0));

        apply(count(lot, T0.plusSeconds(60), capacity - 20));

        assertThat(generalFree(lot)).isEqualTo(capacity - 20 - 4);
    }

    @Test
    void clampsAFlowThatWouldEmptyTheLotBelowZero() {
        Lot lot = countedLot(3);
        int capacity = lot.capacity().count(SpaceCategory.GENERAL);
        apply(count(lot, T0, capacity - 2));

        List<ApplyResult> results = apply(flow(lot, T0.plusSeconds(10), 0, 5));

        assertThat(results).extracting(ApplyResult::outcome).containsExactly(ApplyOutcome.CLAMPED);
        PlaceAvailability read = availability.forLot(lot.id()).block();
        assertThat(read.categories().get(SpaceCategory.GENERAL).occupied()).isZero();
        assertThat(read.flags()).contains(AvailabilityFlag.CLAMPED);

        apply(count(lot, T0.plusSeconds(20), capacity - 1));
        assertThat(availability.forLot(lot.id()).block().flags()).doesNotContain(AvailabilityFlag.CLAMPED);
    }

    @Test
    void storesTheStatusWithHysteresis() {
        Lot lot = countedLot(4);
        int capacity = lot.capacity().total();
        int general = lot.capacity().count(SpaceCategory.GENERAL);
        int others = capacity - general;
        // occupancy over all categories: the other categories are reported full
        int ninetyFive = (int) Math.ceil(capacity * 0.95) - others;
        int eightyEight = (int) Math.floor(capacity * 0.88) - others;
        int eighty = (int) Math.floor(capacity * 0.80) - others;
        apply(occupied(lot, T0, ninetyFive, true));
        assertThat(apply(occupied(lot, T0.plusSeconds(1), eightyEight, false)).get(0).status())
                .isEqualTo(AvailabilityStatus.ALMOST_FULL);
        assertThat(apply(occupied(lot, T0.plusSeconds(2), eighty, false)).get(0).status())
                .isEqualTo(AvailabilityStatus.OPEN);
    }

    @Test
    void aGarageWithBaySensorsCountsItsBaysAndIgnoresLotCounts() {
        Lot garage = registry.snapshot().listLots(null, l -> l.indoorModel() != null, null, 2).get(1);
        reset(PlaceRef.lot(garage.id().value()));
        BayId bay = garage.indoorModel().bays().get(0).id();

        apply(bay(garage, bay, true, T0));
        List<ApplyResult> count = apply(count(garage, T0.plusSeconds(5), 1));

        assertThat(count).extracting(ApplyResult::outcome).containsExactly(ApplyOutcome.SUPERSEDED);
        PlaceAvailability read = availability.forLot(garage.id()).block();
        assertThat(read.source()).isEqualTo(CountSource.BAY_SENSORS);
        assertThat(read.occupied()).isEqualTo(1);
        assertThat(read.unknown()).isEqualTo(garage.capacity().total() - 1);
    }

    @Test
    void readingsOlderThanTheStaleTimeAreUnknownAtReadTime() {
        Segment segment = segment(5);
        BayId bay = segment.bays().get(0).id();

        apply(bay(segment, bay, false, Instant.now().minus(Duration.ofMinutes(16)), null));

        assertThat(availability.forBay(bay).block().state()).isEqualTo(BayState.UNKNOWN);
        PlaceAvailability read = availability.forSegment(segment.id()).block();
        assertThat(read.status()).isEqualTo(AvailabilityStatus.UNKNOWN);
        assertThat(read.free()).isZero();
    }

    @Test
    void readsManyPlacesAndABoxAtOnce() {
        Lot lot = countedLot(5);
        Segment segment = segment(6);
        apply(count(lot, T0, 1));

        Map<String, PlaceAvailability> read = availability.forPlaces(List.of(lot.id().value(), "NO-SUCH-PLACE",
                segment.id().value())).block();

        assertThat(read).containsOnlyKeys(lot.id().value(), segment.id().value());
        assertThat(read.get(lot.id().value()).categories().get(SpaceCategory.GENERAL).free()).isEqualTo(1);
        Envelope box = new Envelope(lot.point().asJtsCoordinate());
        box.expandBy(0.001);
        assertThat(availability.inBox(box).block()).extracting(PlaceAvailability::place)
                .contains(PlaceRef.lot(lot.id().value()));
    }

    // --- fixtures: real places of the committed city, one per test, reset before use

    private Segment segment(int index) {
        Segment segment = registry.snapshot().listSegmentsIntersecting(new Envelope(-180, 180, -90, 90)).stream()
                .filter(s -> s.bays().size() >= 4)
                .sorted(java.util.Comparator.comparing(s -> s.id().value()))
                .skip(100 + index).findFirst().orElseThrow();
        reset(ref(segment));
        return segment;
    }

    private Lot countedLot(int index) {
        Lot lot = registry.snapshot().listLots(null, l -> l.indoorModel() == null
                && l.capacity().count(SpaceCategory.GENERAL) >= 40, null, 200).get(100 + index);
        reset(PlaceRef.lot(lot.id().value()));
        return lot;
    }

    private void reset(PlaceRef place) {
        redis.delete(LiveKeys.place(place), LiveKeys.flows(place)).block();
    }

    private static PlaceRef ref(Segment segment) {
        return PlaceRef.segment(segment.id().value());
    }

    private List<ApplyResult> apply(ValidatedEvent... events) {
        return store.apply(java.util.Arrays.stream(events).map(LiveUpdate::of).toList(), Instant.now()).block();
    }

    private ValidatedEvent bay(Segment segment, BayId bay, boolean occupied, Instant at, Long sequence) {
        return valid(new BayStatus(segment.operator(), bay, occupied, at, SensorId.of("MAG-T"), sequence, false));
    }

    private ValidatedEvent bay(Lot garage, BayId bay, boolean occupied, Instant at) {
        return valid(new BayStatus(garage.operator(), bay, occupied, at, SensorId.of("CAM-T"), null, false));
    }

    private ValidatedEvent count(Lot lot, Instant at, int generalFree) {
        return valid(new LotCount(lot.operator(), lot.id(), at, Map.of(SpaceCategory.GENERAL, generalFree), Map.of(),
                false, null));
    }

    private ValidatedEvent occupied(Lot lot, Instant at, int generalOccupied, boolean fillOthers) {
        Map<SpaceCategory, Integer> occupied = new java.util.EnumMap<>(SpaceCategory.class);
        for (SpaceCategory category : SpaceCategory.values()) {
            if (category == SpaceCategory.GENERAL) {
                occupied.put(category, generalOccupied);
            }
            else if (fillOthers) {
                occupied.put(category, lot.capacity().count(category));
            }
        }
        return valid(new LotCount(lot.operator(), lot.id(), at, Map.of(), occupied, false, null));
    }

    private ValidatedEvent flow(Lot lot, Instant at, int entries, int exits) {
        return valid(new LotFlow(lot.operator(), lot.id(), at, UUID.randomUUID().toString(),
                Map.of(SpaceCategory.GENERAL, entries), Map.of(SpaceCategory.GENERAL, exits)));
    }

    private ValidatedEvent valid(OccupancyEvent event) {
        return (ValidatedEvent) validator.check(event, Instant.now());
    }

    private int generalFree(Lot lot) {
        return availability.forLot(lot.id()).block().categories().get(SpaceCategory.GENERAL).free();
    }
}
