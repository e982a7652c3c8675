package dev.citypark.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import dev.citypark.core.GeoPoint;
import dev.citypark.registry.Bay;
import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoDataReader;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The candidate stage on the committed 300,000-space city finds exactly what a scan of every lot, segment and bay
 * with the same distance rules finds: neither the STRtree window nor the plane pre-filter ever drops a place within
 * the radius.
 */
class CommittedCityCandidatesTest {

    private static GeoData city;
    private static RegistrySnapshot snapshot;

    @BeforeAll
    static void read() {
        city = GeoDataReader.read(Path.of("geo-data"));
        snapshot = new RegistrySnapshot(city.operators(), city.districts(), city.lots(), city.segments(),
                city.screens());
    }

    /** Random points near random places (so weighted like the city's parking), up to 800 m away. */
    static List<GeoPoint> queryPoints(GeoData city, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<GeoPoint> points = new ArrayList<>(count);
        while (points.size() < count) {
            GeoPoint near = random.nextInt(3) == 0
                    ? city.lots().get(random.nextInt(city.lots().size())).point()
                    : city.segments().get(random.nextInt(city.segments().size())).bays().get(0).point();
            GeodesicData d = Geodesic.WGS84.Direct(near.lat(), near.lon(), random.nextDouble(360),
                    random.nextDouble(800), GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
            points.add(GeoPoint.of(d.lat2, d.lon2));
        }
        return points;
    }

    @Test
    void findsWhatAFullScanFinds() {
        SplittableRandom random = new SplittableRandom(5);
        int nonEmpty = 0;
        for (GeoPoint point : queryPoints(city, 60, 17)) {
            int radius = 100 + random.nextInt(4_901);
            SpaceCategory category = random.nextInt(4) == 0 ? SpaceCategory.EV_CHARGING : SpaceCategory.GENERAL;

            List<Candidate> found = SearchCandidates.within(snapshot, point, radius, Optional.empty(), category);

            List<String> expected = scan(point, radius, category);
            assertThat(found.stream().map(c -> c.place().id()).sorted().toList())
                    .as("around %s within %d m", point, radius).isEqualTo(expected);
            for (int i = 1; i < found.size(); i++) {
                assertThat(found.get(i).distanceMetres()).isGreaterThanOrEqualTo(found.get(i - 1).distanceMetres());
            }
            nonEmpty += found.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).isGreaterThan(50);
    }

    @Test
    void lazilyMeasuredPrefixesAreThePrefixesOfTheWholeList() {
        SplittableRandom random = new SplittableRandom(11);
        int measuredLess = 0;
        for (GeoPoint point : queryPoints(city, 200, 23)) {
            int radius = random.nextInt(3) == 0 ? 5_000 : 200 + random.nextInt(1_800);
            List<Candidate> whole = SearchCandidates.within(snapshot, point, radius, Optional.empty(),
                    SpaceCategory.GENERAL);

            NearestCandidates lazy = SearchCandidates.nearest(snapshot, point, radius, Optional.empty(),
                    SpaceCategory.GENERAL);
            if (random.nextBoolean()) {
                assertThat(lazy.size()).isEqualTo(whole.size());
            }
            for (int n : new int[] {1, 3, 10, 11, 40, 41, 200, whole.size() + 5}) {
                assertThat(lazy.first(n)).as("around %s within %d m, first %d", point, radius, n)
                        .isEqualTo(whole.subList(0, Math.min(n, whole.size())));
            }
            assertThat(lazy.size()).isEqualTo(whole.size());

            NearestCandidates once = SearchCandidates.nearest(snapshot, point, radius, Optional.empty(),
                    SpaceCategory.GENERAL);
            assertThat(once.first(12)).isEqualTo(whole.subList(0, Math.min(12, whole.size())));
            if (whole.size() > 40) {
                // the twelve nearest were found without measuring most of the others
                assertThat(once.measured()).isLessThan(whole.size() / 2);
                measuredLess++;
            }
        }
        assertThat(measuredLess).isGreaterThan(20);
    }

    @Test
    void fiveKilometresDowntownStayWithinTheCandidateCap() {
        int most = 0;
        for (GeoPoint point : queryPoints(city, 100, 99)) {
            most = Math.max(most, SearchCandidates.within(snapshot, point, 5_000, Optional.empty(),
                    SpaceCategory.GENERAL).size());
        }
        assertThat(most).isLessThanOrEqualTo(NearestSearch.MAX_CANDIDATES);
    }

    private static List<String> scan(GeoPoint point, int radius, SpaceCategory category) {
        LocalPlane plane = new LocalPlane(point);
        List<String> ids = new ArrayList<>();
        for (Lot lot : city.lots()) {
            if (lot.capacity().count(category) > 0 && point.distanceMetresTo(lot.point()) <= radius) {
                ids.add(lot.id().value());
            }
        }
        for (Segment segment : city.segments()) {
            if (segment.capacity().count(category) == 0) {
                continue;
            }
            if (SearchCandidates.isBaySensed(snapshot, segment)) {
                for (Bay bay : segment.bays()) {
                    if (bay.category() == category && point.distanceMetresTo(bay.point()) <= radius) {
                        ids.add(bay.id().value());
                    }
                }
            }
            else {
                if (plane.geodesicMetres(plane.nearestOn(segment.geometry())) <= radius) {
                    ids.add(segment.id().value());
                }
            }
        }
        return ids.stream().sorted().toList();
    }
}
