package dev.citypark.occupancy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.citypark.core.BayId;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SensorId;
import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry checks, on the committed Qingdao city. */
class OccupancyValidatorTest {

    private static final Instant NOW = Instant.parse("2025-03-03T08:00:00Z");

    private final RegistrySnapshot city = CommittedCity.snapshot();
    private final OccupancyValidator validator = new OccupancyValidator(() -> city,
            new OccupancyProperties(Duration.ofMinutes(5), 1000, 6, Duration.ofSeconds(15), true));

    private final Segment segment = city.listSegmentsIntersecting(new Envelope(-180, 180, -90, 90)).get(0);
    private final Lot countedLot = city.listLots(null, l -> l.indoorModel() == null
            && l.capacity().count(SpaceCategory.GENERAL) > 10, null, 1).get(0);
    private final Lot garage = city.listLots(null, l -> l.indoorModel() != null, null, 1).get(0);

    @Test
    void acceptsABayOfTheOperatorsSegment() {
        BayId bay = segment.bays().get(0).id();

        Checked checked = validator.check(bayStatus(segment.operator(), bay, NOW), NOW);

        assertThat(checked).isInstanceOfSatisfying(ValidatedEvent.class, valid -> {
            assertThat(valid.place().kind()).isEqualTo(PlaceKind.SEGMENT);
            assertThat(valid.key()).isEqualTo(segment.id().value());
            assertThat(valid.bayCategory()).isEqualTo(segment.bays().get(0).category());
            assertThat(valid.place().capacity().total()).isEqualTo(segment.bays().size());
        });
    }

    @Test
    void putsAGarageBayOnItsLot() {
        BayId bay = garage.indoorModel().bays().get(0).id();

        Checked checked = validator.check(bayStatus(garage.operator(), bay, NOW), NOW);

        assertThat(checked).isInstanceOfSatisfying(ValidatedEvent.class, valid -> {
            assertThat(valid.place().kind()).isEqualTo(PlaceKind.LOT);
            assertThat(valid.place().id()).isEqualTo(garage.id().value());
            assertThat(valid.place().bayLevel()).isTrue();
        });
    }

    @Test
    void rejectsAnUnknownBayOrLot() {
        assertRejected(validator.check(bayStatus(segment.operator(), BayId.of("QD-S-99999-01"), NOW), NOW),
                RejectReason.UNKNOWN_PLACE, "bayId");
        assertRejected(validator.check(count(countedLot.operator(), LotId.of("QD-L-99999"),
                Map.of(SpaceCategory.GENERAL, 1)), NOW), RejectReason.UNKNOWN_PLACE, "lotId");
    }

    @Test
    void rejectsAPlaceOfAnotherOperator() {
        OperatorId other = OperatorId.of("OP-SOMEONE-ELSE");

        assertRejected(validator.check(bayStatus(other, segment.bays().get(0).id(), NOW), NOW),
                RejectReason.FORBIDDEN, "bayId");
        assertRejected(validator.check(count(other, countedLot.id(), Map.of(SpaceCategory.GENERAL, 1)), NOW),
                RejectReason.FORBIDDEN, "lotId");
    }

    @Test
    void rejectsObservationsMoreThanFiveMinutesAhead() {
        BayId bay = segment.bays().get(0).id();

        assertRejected(validator.check(bayStatus(segment.operator(), bay, NOW.plusSeconds(301)), NOW),
                RejectReason.FUTURE_TIMESTAMP, "observedAt");
        assertThat(validator.check(bayStatus(segment.operator(), bay, NOW.plusSeconds(299)), NOW))
                .isInstanceOf(ValidatedEvent.class);
    }

    @Test
    void rejectsCountsAboveCapacity() {
        int capacity = countedLot.capacity().count(SpaceCategory.GENERAL);

        assertRejected(validator.check(count(countedLot.operator(), countedLot.id(),
                Map.of(SpaceCategory.GENERAL, capacity + 1)), NOW), RejectReason.OVER_CAPACITY, "free.GENERAL");
        assertThat(validator.check(count(countedLot.operator(), countedLot.id(),
                Map.of(SpaceCategory.GENERAL, capacity)), NOW)).isInstanceOf(ValidatedEvent.class);
    }

    @Test
    void rejectsFreePlusOccupiedAboveCapacity() {
        int capacity = countedLot.capacity().count(SpaceCategory.GENERAL);
        LotCount both = new LotCount(countedLot.operator(), countedLot.id(), NOW,
                Map.of(SpaceCategory.GENERAL, capacity - 5), Map.of(SpaceCategory.GENERAL, 6), false, null);

        assertRejected(validator.check(both, NOW), RejectReason.OVER_CAPACITY, "occupied.GENERAL");
    }

    @Test
    void acceptsFlowsWhateverTheirSizeBecauseTheyAreClampedWhenApplied() {
        LotFlow flow = new LotFlow(countedLot.operator(), countedLot.id(), NOW, "e-1",
                Map.of(SpaceCategory.GENERAL, 50_000), Map.of());

        assertThat(validator.check(flow, NOW)).isInstanceOf(ValidatedEvent.class);
    }

    @Test
    void findsPlacesByIdAndByBay() {
        assertThat(validator.findPlace(countedLot.id().value())).map(Place::kind).contains(PlaceKind.LOT);
        assertThat(validator.findPlace(segment.id().value())).map(Place::kind).contains(PlaceKind.SEGMENT);
        assertThat(validator.findPlace("nothing here")).isEmpty();
        assertThat(validator.findPlaceOfBay(segment.bays().get(0).id())).map(Place::id)
                .contains(segment.id().value());
    }

    private static BayStatus bayStatus(OperatorId operator, BayId bay, Instant at) {
        return new BayStatus(operator, bay, true, at, SensorId.of("MAG-1"), null, false);
    }

    private static LotCount count(OperatorId operator, LotId lot, Map<SpaceCategory, Integer> free) {
        return new LotCount(operator, lot, NOW, free, Map.of(), false, null);
    }

    private static void assertRejected(Checked checked, RejectReason reason, String field) {
        assertThat(checked).isInstanceOfSatisfying(Rejection.class, rejection -> {
            assertThat(rejection.reason()).isEqualTo(reason);
            assertThat(rejection.field()).isEqualTo(field);
        });
    }
}
