package dev.citypark.search;

import static dev.citypark.search.TestStreets.CENTRE;
import static dev.citypark.search.TestStreets.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.Test;

class SearchCandidatesTest {

    private static List<Candidate> candidates(RegistrySnapshot snapshot, double radius) {
        return SearchCandidates.within(snapshot, CENTRE, radius, Optional.empty(), SpaceCategory.GENERAL);
    }

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.place().id()).toList();
    }

    @Test
    void findsLotsWithinTheRadiusNearestFirst() {
        RegistrySnapshot snapshot = new TestStreets()
                .lot("L-300N", 0, 300, 10)
                .lot("L-100S", 0, -100, 10)
                .lot("L-999W", -999, 0, 10)
                .lot("L-1001S", 0, -1001, 10)
                .snapshot();

        List<Candidate> found = candidates(snapshot, 1_000);

        assertThat(ids(found)).containsExactly("L-100S", "L-300N", "L-999W");
        assertThat(found.get(0).distanceMetres()).isCloseTo(100, within(0.02));
        assertThat(found.get(2).distanceMetres()).isCloseTo(999, within(0.02));
        assertThat(found.get(0).place().kind()).isEqualTo(PlaceKind.LOT);
        assertThat(found.get(0).capacity()).isEqualTo(10);
    }

    @Test
    void aPlaceJustBeyondTheRadiusIsMeasuredAndLeftOut() {
        // 1,001 m is within the plane's error band of a 1,000 m radius: only the geodesic decides
        RegistrySnapshot snapshot = new TestStreets().lot("L-1001S", 0, -1001, 10).snapshot();

        NearestCandidates nearest = SearchCandidates.nearest(snapshot, CENTRE, 1_000, Optional.empty(),
                SpaceCategory.GENERAL);

        assertThat(nearest.size()).isZero();
        assertThat(nearest.first(5)).isEmpty();
        assertThat(nearest.first(0)).isEmpty();
        assertThat(candidates(snapshot, 1_000)).isEmpty();
        assertThat(ids(candidates(snapshot, 1_002))).containsExactly("L-1001S");
    }

    @Test
    void theWindowIsWideEnoughInLongitude() {
        // 995 m due east is 0.0110° of longitude at 36°N; a window of 995 m in degrees of latitude (0.0090°)
        // would miss it
        RegistrySnapshot snapshot = new TestStreets().lot("L-E", 995, 0, 5).lot("L-W", -995, 0, 5).snapshot();

        assertThat(ids(candidates(snapshot, 1_000))).containsExactlyInAnyOrder("L-E", "L-W");
    }

    @Test
    void aSegmentIsAsFarAsTheNearestPointOfItsKerbNotItsEnds() {
        // a 2 km kerb running east-west 300 m north: its ends are over 1 km away
        RegistrySnapshot snapshot = new TestStreets()
                .segment("S-LONG", TestStreets.CONCESSION, -1_000, 300, 1_000, 300, 3, SpaceCategory.GENERAL)
                .snapshot();

        List<Candidate> found = candidates(snapshot, 500);

        // (the line is straight in longitude/latitude, up to 6 cm equatorward of the geodesic between its ends)
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.place()).isEqualTo(new PlaceRef(PlaceKind.SEGMENT, "S-LONG"));
            assertThat(c.distanceMetres()).isCloseTo(300, within(0.1));
            assertThat(c.point().distanceMetresTo(at(0, 300))).isLessThan(0.1);
            assertThat(c.capacity()).isEqualTo(3);
            assertThat(c.name()).isEqualTo("测试路S-LONG");
        });
    }

    @Test
    void theBaysOfASensedSegmentAreCandidatesOneByOne() {
        RegistrySnapshot snapshot = new TestStreets()
                .segment("S-SENSED", TestStreets.SENSORS, 0, 50, 0, 1_200, 4, SpaceCategory.GENERAL)
                .snapshot();

        List<Candidate> found = candidates(snapshot, 900);

        // bays at 50, 433, 817 and 1200 m north
        assertThat(ids(found)).containsExactly("S-SENSED-01", "S-SENSED-02", "S-SENSED-03");
        assertThat(found).allSatisfy(c -> {
            assertThat(c.place().kind()).isEqualTo(PlaceKind.BAY);
            assertThat(c.capacity()).isEqualTo(1);
            assertThat(c.segment()).contains(SegmentId.of("S-SENSED"));
        });
        assertThat(found.get(1).distanceMetres()).isCloseTo(50 + 1150.0 / 3, within(0.05));
    }

    @Test
    void filtersByKindAndCategory() {
        RegistrySnapshot snapshot = new TestStreets()
                .lot("L-GEN", 0, 100, 10)
                .lot("L-EV", 0, 200, Map.of(SpaceCategory.GENERAL, 5, SpaceCategory.EV_CHARGING, 2), "QD-T1-CORE")
                .segment("S-GEN", TestStreets.CONCESSION, -50, 20, 50, 20, 2, SpaceCategory.GENERAL)
                .segment("S-EV", TestStreets.SENSORS, -50, -20, 50, -20, 2, SpaceCategory.EV_CHARGING)
                .snapshot();

        assertThat(ids(SearchCandidates.within(snapshot, CENTRE, 1_000, Optional.of(ParkingKind.OFF_STREET),
                SpaceCategory.GENERAL))).containsExactly("L-GEN", "L-EV");
        assertThat(ids(SearchCandidates.within(snapshot, CENTRE, 1_000, Optional.of(ParkingKind.ON_STREET),
                SpaceCategory.GENERAL))).containsExactly("S-GEN");
        List<Candidate> ev = SearchCandidates.within(snapshot, CENTRE, 1_000, Optional.empty(),
                SpaceCategory.EV_CHARGING);
        assertThat(ids(ev)).containsExactly("S-EV-01", "S-EV-02", "L-EV");
        assertThat(ev.get(2).capacity()).isEqualTo(2);
    }

    @Test
    void equalDistancesAreOrderedByKindThenId() {
        RegistrySnapshot snapshot = new TestStreets().lot("L-B", 0, 100, 1).lot("L-A", 0, 100, 1).snapshot();

        assertThat(ids(candidates(snapshot, 1_000))).containsExactly("L-A", "L-B");
    }

    @Test
    void rejectsARadiusOutsideOneToFiveThousandMetres() {
        RegistrySnapshot snapshot = new TestStreets().snapshot();
        for (double radius : new double[] {0, -1, 5_001, Double.NaN}) {
            assertThatThrownBy(() -> candidates(snapshot, radius))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("radius"));
        }
        assertThat(candidates(snapshot, 5_000)).isEmpty();
    }
}
