package dev.citypark.availability.live;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.citypark.availability.AvailabilityFlag;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.BayState;
import dev.citypark.availability.CategoryAvailability;
import dev.citypark.availability.CountSource;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.core.BayId;
import dev.citypark.core.OperatorId;
import dev.citypark.occupancy.Place;
import dev.citypark.occupancy.PlaceKind;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Read-time freshness, status and flags over stored hashes. */
class LiveViewTest {

    private static final Instant NOW = Instant.parse("2025-03-03T08:00:00Z");
    private static final OperatorId OPERATOR = OperatorId.of("OP-GAR-01");

    private final LiveView view = new LiveView(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(48),
            new Hysteresis(0.90, 0.85, 2));

    private final Place lot = new Place(PlaceKind.LOT, "QD-L-00001", OPERATOR,
            Capacity.of(Map.of(SpaceCategory.GENERAL, 90, SpaceCategory.EV_CHARGING, 10)), false);
    private final Place segment = new Place(PlaceKind.SEGMENT, "QD-S-00001", OPERATOR, Capacity.ofGeneral(3), true);

    @Test
    void readsFreshLotCounts() {
        PlaceAvailability read = view.place(lot, counts(NOW.minusSeconds(60), 40, 5), NOW);

        assertThat(read.status()).isEqualTo(AvailabilityStatus.OPEN);
        assertThat(read.free()).isEqualTo(55);
        assertThat(read.occupied()).isEqualTo(45);
        assertThat(read.unknown()).isZero();
        assertThat(read.categories()).containsEntry(SpaceCategory.EV_CHARGING, new CategoryAvailability(10, 5, 5, 0))
                .doesNotContainKey(SpaceCategory.LARGE);
        assertThat(read.updatedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(read.source()).isEqualTo(CountSource.LOT_COUNTS);
        assertThat(read.flags()).isEmpty();
    }

    @Test
    void staleLotCountsAreUnknownAndNeverFree() {
        PlaceAvailability read = view.place(lot, counts(NOW.minus(Duration.ofMinutes(31)), 0, 0), NOW);

        assertThat(read.status()).isEqualTo(AvailabilityStatus.UNKNOWN);
        assertThat(read.free()).isZero();
        assertThat(read.unknown()).isEqualTo(100);
        assertThat(read.flags()).containsExactly(AvailabilityFlag.STALE);
        assertThat(read.hasKnownFreeSpace()).isFalse();
    }

    @Test
    void appliesHysteresisWithTheStoredStatus() {
        Map<String, String> hash = counts(NOW, 80, 7);
        hash.put("st", "ALMOST_FULL");

        assertThat(view.place(lot, hash, NOW).status()).isEqualTo(AvailabilityStatus.ALMOST_FULL);
        hash.put("st", "OPEN");
        assertThat(view.place(lot, hash, NOW).status()).isEqualTo(AvailabilityStatus.OPEN);
    }

    @Test
    void showsClosedAndClampedLots() {
        Map<String, String> hash = counts(NOW, 10, 0);
        hash.put("closed", "1");
        hash.put("clampAt", Long.toString(NOW.toEpochMilli()));

        PlaceAvailability read = view.place(lot, hash, NOW);

        assertThat(read.status()).isEqualTo(AvailabilityStatus.CLOSED);
        assertThat(read.flags()).containsExactly(AvailabilityFlag.CLAMPED);
    }

    @Test
    void countsOnlyFreshBays() {
        Map<String, String> hash = new HashMap<>();
        hash.put("mode", "BAYS");
        hash.put("st", "OPEN");
        hash.put("upd", millis(NOW));
        hash.put("b.QD-S-00001-01", bay(false, NOW.minusSeconds(600), NOW.minusSeconds(60)));
        hash.put("b.QD-S-00001-02", bay(true, NOW.minusSeconds(600), NOW.minusSeconds(60)));
        hash.put("b.QD-S-00001-03", bay(false, NOW.minus(Duration.ofMinutes(20)), NOW.minus(Duration.ofMinutes(16))));

        PlaceAvailability read = view.place(segment, hash, NOW);

        assertThat(read.free()).isEqualTo(1);
        assertThat(read.occupied()).isEqualTo(1);
        assertThat(read.unknown()).isEqualTo(1);
        assertThat(read.source()).isEqualTo(CountSource.BAY_SENSORS);
        assertThat(read.flags()).containsExactly(AvailabilityFlag.PARTLY_STALE);
        assertThat(read.status()).isEqualTo(AvailabilityStatus.OPEN);
    }

    @Test
    void aSegmentWithOnlyStaleBaysIsUnknown() {
        Map<String, String> hash = new HashMap<>();
        hash.put("mode", "BAYS");
        hash.put("st", "OPEN");
        hash.put("b.QD-S-00001-01", bay(false, NOW.minus(Duration.ofHours(1)), NOW.minus(Duration.ofHours(1))));

        PlaceAvailability read = view.place(segment, hash, NOW);

        assertThat(read.status()).isEqualTo(AvailabilityStatus.UNKNOWN);
        assertThat(read.free()).isZero();
        assertThat(read.unknown()).isEqualTo(3);
    }

    @Test
    void flagsABaySensorStuckForMoreThan48Hours() {
        String stuck = bay(true, NOW.minus(Duration.ofHours(49)), NOW.minusSeconds(30));
        Map<String, String> hash = new HashMap<>(Map.of("mode", "BAYS", "st", "OPEN", "b.QD-S-00001-01", stuck));

        assertThat(view.place(segment, hash, NOW).flags()).contains(AvailabilityFlag.POSSIBLY_STUCK_SENSOR);
        var single = view.bay(BayId.of("QD-S-00001-01"), segment, SpaceCategory.GENERAL, stuck, NOW);
        assertThat(single.possiblyStuck()).isTrue();
        assertThat(single.state()).isEqualTo(BayState.OCCUPIED);
        assertThat(single.since()).isEqualTo(NOW.minus(Duration.ofHours(49)));
    }

    @Test
    void aBayWithoutAFreshReportIsUnknown() {
        String stale = bay(false, NOW.minus(Duration.ofMinutes(20)), NOW.minus(Duration.ofMinutes(16)));

        assertThat(view.bay(BayId.of("QD-S-00001-01"), segment, SpaceCategory.GENERAL, stale, NOW).state())
                .isEqualTo(BayState.UNKNOWN);
        assertThat(view.bay(BayId.of("QD-S-00001-01"), segment, SpaceCategory.GENERAL, null, NOW).state())
                .isEqualTo(BayState.UNKNOWN);
    }

    @Test
    void aPlaceNeverReportedIsUnknown() {
        PlaceAvailability read = view.place(lot, Map.of(), NOW);

        assertThat(read.status()).isEqualTo(AvailabilityStatus.UNKNOWN);
        assertThat(read.source()).isEqualTo(CountSource.NONE);
        assertThat(read.updatedAt()).isNull();
    }

    private static Map<String, String> counts(Instant updatedAt, int general, int ev) {
        Map<String, String> hash = new HashMap<>();
        hash.put("mode", "COUNTS");
        hash.put("st", "OPEN");
        hash.put("upd", millis(updatedAt));
        hash.put("cntAt", millis(updatedAt));
        hash.put("occ.GENERAL", Integer.toString(general));
        hash.put("occ.EV_CHARGING", Integer.toString(ev));
        return hash;
    }

    private static String bay(boolean occupied, Instant since, Instant observedAt) {
        return (occupied ? "1" : "0") + "|" + millis(since) + "|" + millis(observedAt) + "|-1|1|0";
    }

    private static String millis(Instant at) {
        return Long.toString(at.toEpochMilli());
    }
}
