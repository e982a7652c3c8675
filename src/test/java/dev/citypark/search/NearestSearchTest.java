package dev.citypark.search;

import static dev.citypark.search.TestStreets.CENTRE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.citypark.billing.StayRequest;
import dev.citypark.billing.TariffId;
import dev.citypark.billing.Tariffs;
import dev.citypark.billing.VehicleSize;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Ranking, live filtering, staleness, arrival prediction and pricing, with availability as an in-memory fake. */
class NearestSearchTest {

    /** 09:00 in Qingdao. */
    private static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");
    private static final Instant RECENT = NOW.minusSeconds(30);

    private static Tariffs tariffs;

    private final InMemoryLiveAvailability live = new InMemoryLiveAvailability();

    @BeforeAll
    static void loadTariffs() {
        tariffs = Tariffs.load(Path.of("geo-data/tariffs.json"));
    }

    private NearestSearch search(RegistrySnapshot snapshot) {
        return new NearestSearch(() -> snapshot, tariffs, live, LinearTrendPredictor.standard(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<String> ids(SearchResult result) {
        return result.places().stream().map(p -> p.candidate().place().id()).toList();
    }

    private SearchResult nearest(RegistrySnapshot snapshot, NearestQuery query) {
        SearchResult result = search(snapshot).nearest(query).block(Duration.ofSeconds(5));
        assertThat(result).isNotNull();
        return result;
    }

    @Test
    void freshPlacesWithFreeSpacesComeFirstNearestFirstThenStaleOnesMarked() {
        RegistrySnapshot city = new TestStreets()
                .lot("L-100", 0, 100, 10)
                .lot("L-200", 0, -200, 10)
                .lot("L-300", 300, 0, 10)
                .lot("L-400", -400, 0, 10)
                .lot("L-500", 0, 500, 10)
                .segment("S-250", TestStreets.CONCESSION, -30, 250, 30, 250, 5, SpaceCategory.GENERAL)
                .snapshot();
        live.put(PlaceKind.LOT, "L-100", LiveCount.of(3, RECENT, false))
                .put(PlaceKind.LOT, "L-200", LiveCount.of(5, NOW.minusSeconds(3_600), true))
                .put(PlaceKind.LOT, "L-300", LiveCount.of(0, RECENT, false))
                .put(PlaceKind.LOT, "L-500", LiveCount.of(1, RECENT, false))
                .put(PlaceKind.SEGMENT, "S-250", LiveCount.of(2, RECENT, false));

        SearchResult result = nearest(city, NearestQuery.around(CENTRE, 1_000, 10));

        // L-300 is full, L-400 has no live data: neither is a result
        assertThat(ids(result)).containsExactly("L-100", "S-250", "L-500", "L-200");
        assertThat(result.places()).extracting(FoundPlace::freshness)
                .containsExactly(Freshness.FRESH, Freshness.FRESH, Freshness.FRESH, Freshness.STALE);
        assertThat(result.places().get(3).isStale()).isTrue();
        assertThat(result.places().get(0).free()).isEqualTo(3);
        assertThat(result.places().get(0).updatedAt()).isEqualTo(RECENT);
        assertThat(result.candidates()).isEqualTo(6);
        assertThat(result.predictor()).isEmpty();
        assertThat(result.places()).allSatisfy(p -> {
            assertThat(p.price()).isEmpty();
            assertThat(p.prediction()).isEmpty();
        });
    }

    @Test
    void readsAllCandidatesInOneLookupNearestFirstWithoutHistory() {
        RegistrySnapshot city = new TestStreets().lot("L-B", 0, 300, 10).lot("L-A", 0, 100, 10)
                .segment("S-S", TestStreets.SENSORS, 0, 150, 0, 200, 2, SpaceCategory.GENERAL)
                .snapshot();

        nearest(city, NearestQuery.around(CENTRE, 1_000, 10).withCategory(SpaceCategory.GENERAL));

        assertThat(live.lookups).singleElement().satisfies(lookup -> {
            assertThat(lookup.places()).containsExactly(new PlaceRef(PlaceKind.LOT, "L-A"),
                    new PlaceRef(PlaceKind.BAY, "S-S-01"), new PlaceRef(PlaceKind.BAY, "S-S-02"),
                    new PlaceRef(PlaceKind.LOT, "L-B"));
            assertThat(lookup.category()).isEqualTo(SpaceCategory.GENERAL);
            assertThat(lookup.recentWindow()).isZero();
        });
    }

    @Test
    void atEqualDistanceMoreFreeSpacesWinThenTheId() {
        RegistrySnapshot city = new TestStreets().lot("L-C", 0, 100, 10).lot("L-B", 0, 100, 10)
                .lot("L-A", 0, 100, 10).snapshot();
        live.put(PlaceKind.LOT, "L-A", LiveCount.of(2, RECENT, false))
                .put(PlaceKind.LOT, "L-B", LiveCount.of(2, RECENT, false))
                .put(PlaceKind.LOT, "L-C", LiveCount.of(5, RECENT, false));

        assertThat(ids(nearest(city, NearestQuery.around(CENTRE, 1_000, 10)))).containsExactly("L-C", "L-A", "L-B");
    }

    @Test
    void theLimitCutsStalePlacesFirst() {
        RegistrySnapshot city = new TestStreets().lot("L-1", 0, 100, 10).lot("L-2", 0, 200, 10)
                .lot("L-3", 0, 300, 10).snapshot();
        live.put(PlaceKind.LOT, "L-1", LiveCount.of(1, RECENT, true))
                .put(PlaceKind.LOT, "L-2", LiveCount.of(1, RECENT, false))
                .put(PlaceKind.LOT, "L-3", LiveCount.of(1, RECENT, false));

        assertThat(ids(nearest(city, NearestQuery.around(CENTRE, 1_000, 2)))).containsExactly("L-2", "L-3");
    }

    @Test
    void withAnArrivalTimePlacesLikelyToStillHaveSpaceComeFirstAndThePredictorIsNamed() {
        RegistrySnapshot city = new TestStreets().lot("L-NEAR", 0, 100, 50).lot("L-FAR", 0, 600, 50).snapshot();
        // the near lot loses a space every 5 minutes and has 2 left; the far one is steady at 10
        live.put(PlaceKind.LOT, "L-NEAR", new LiveCount(2, RECENT, false, List.of(
                        new FreeSample(RECENT.minusSeconds(900), 5), new FreeSample(RECENT.minusSeconds(600), 4),
                        new FreeSample(RECENT.minusSeconds(300), 3))))
                .put(PlaceKind.LOT, "L-FAR", new LiveCount(10, RECENT, false, List.of(
                        new FreeSample(RECENT.minusSeconds(600), 10))));

        SearchResult now = nearest(city, NearestQuery.around(CENTRE, 1_000, 10));
        SearchResult later = nearest(city, NearestQuery.around(CENTRE, 1_000, 10)
                .withArriveAt(NOW.plus(Duration.ofMinutes(20))));

        assertThat(ids(now)).containsExactly("L-NEAR", "L-FAR");
        assertThat(ids(later)).containsExactly("L-FAR", "L-NEAR");
        assertThat(later.predictor()).contains("linear-trend-30m");
        assertThat(later.places().get(0).prediction()).hasValueSatisfying(p -> {
            assertThat(p.predictor()).isEqualTo("linear-trend-30m");
            assertThat(p.expectedFree()).isEqualTo(10);
            assertThat(p.at()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
        });
        assertThat(later.places().get(1).prediction()).hasValueSatisfying(p -> assertThat(p.likelyFree()).isFalse());
        assertThat(live.lookups.get(1).recentWindow()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void pricesTheStayWithThePlacesTariffFromArrival() {
        RegistrySnapshot city = new TestStreets()
                .lot("L-CORE", 0, 100, Map.of(SpaceCategory.GENERAL, 5, SpaceCategory.LARGE, 2), "QD-T1-CORE")
                .snapshot();
        live.put(PlaceKind.LOT, "L-CORE", LiveCount.of(2, RECENT, false));

        SearchResult twoHours = nearest(city, NearestQuery.around(CENTRE, 1_000, 10).withStayMinutes(120));
        SearchResult large = nearest(city, NearestQuery.around(CENTRE, 1_000, 10).withStayMinutes(120)
                .withCategory(SpaceCategory.LARGE).withArriveAt(NOW.plus(Duration.ofHours(1))));

        // 09:00-11:00 in the core tariff: first hour ¥5, second hour ¥3
        assertThat(twoHours.places().get(0).price()).hasValueSatisfying(quote -> {
            assertThat(quote.total()).isEqualTo(Money.ofFen(800));
            assertThat(quote.tariffId()).isEqualTo(TariffId.of("QD-T1-CORE"));
            assertThat(quote.breakdown()).isNotEmpty();
        });
        Instant arrival = NOW.plus(Duration.ofHours(1));
        assertThat(large.places().get(0).price()).contains(tariffs.quote(TariffId.of("QD-T1-CORE"),
                StayRequest.of(arrival, arrival.plus(Duration.ofMinutes(120))).withSize(VehicleSize.LARGE)));
    }

    @Test
    void noCandidateMeansNoLookup() {
        RegistrySnapshot city = new TestStreets().lot("L-FAR", 0, 3_000, 10).snapshot();

        SearchResult result = nearest(city, NearestQuery.around(CENTRE, 1_000, 10));

        assertThat(result.places()).isEmpty();
        assertThat(result.candidates()).isZero();
        assertThat(live.lookups).isEmpty();
    }

    @Test
    void refusesAnArrivalInThePastOrMoreThanADayAhead() {
        RegistrySnapshot city = new TestStreets().lot("L-1", 0, 100, 10).snapshot();
        NearestSearch search = search(city);

        StepVerifier.create(search.nearest(NearestQuery.around(CENTRE, 1_000, 10)
                        .withArriveAt(NOW.minus(Duration.ofMinutes(6)))))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("arriveAt")))
                .verify();
        StepVerifier.create(search.nearest(NearestQuery.around(CENTRE, 1_000, 10)
                        .withArriveAt(NOW.plus(Duration.ofHours(25)))))
                .expectErrorMessage("arriveAt 2025-03-04T02:00:00Z is more than 24 hours ahead")
                .verify();
        StepVerifier.create(search.nearest(NearestQuery.around(CENTRE, 1_000, 10)
                        .withArriveAt(NOW.minus(Duration.ofMinutes(4)))))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void readsOnlyTheNearestCandidatesWhenTheyAreExpectedToAnswer() {
        TestStreets streets = new TestStreets();
        for (int i = 1; i <= 40; i++) {
            streets.lot("L-" + i, 0, 20 * i, 10);
            live.put(PlaceKind.LOT, "L-" + i, LiveCount.of(4, RECENT, false)).hint(PlaceKind.LOT, "L-" + i, 0.9);
        }

        SearchResult result = nearest(streets.snapshot(), NearestQuery.around(CENTRE, 1_000, 5));

        assertThat(ids(result)).containsExactly("L-1", "L-2", "L-3", "L-4", "L-5");
        assertThat(result.candidates()).isEqualTo(40);
        // 5 results and a margin of 2 expected at 0.9 each: the 8 nearest, in one round trip
        assertThat(live.lookups).singleElement()
                .satisfies(lookup -> assertThat(lookup.places()).hasSize(8).first()
                        .isEqualTo(new PlaceRef(PlaceKind.LOT, "L-1")));
    }

    @Test
    void readsFartherCandidatesWhenTheNearestTurnOutFull() {
        TestStreets streets = new TestStreets();
        for (int i = 1; i <= 40; i++) {
            streets.lot("L-" + i, 0, 20 * i, 10);
            // heard free a moment ago, full now for the nearest 30
            live.put(PlaceKind.LOT, "L-" + i, LiveCount.of(i <= 30 ? 0 : 2, RECENT, false))
                    .hint(PlaceKind.LOT, "L-" + i, 0.9);
        }

        SearchResult result = nearest(streets.snapshot(), NearestQuery.around(CENTRE, 1_000, 3));

        assertThat(ids(result)).containsExactly("L-31", "L-32", "L-33");
        assertThat(live.lookups).hasSizeGreaterThan(1);
        // every candidate read at most once, nearest first
        assertThat(live.lookups.stream().flatMap(lookup -> lookup.places().stream()).toList())
                .doesNotHaveDuplicates()
                .startsWith(new PlaceRef(PlaceKind.LOT, "L-1"), new PlaceRef(PlaceKind.LOT, "L-2"));
    }

    @Test
    void answersAsIfEveryCandidateHadBeenRead() {
        java.util.Random random = new java.util.Random(20261124);
        int readAgain = 0;
        int readLess = 0;
        for (int round = 0; round < 300; round++) {
            InMemoryLiveAvailability all = new InMemoryLiveAvailability();
            InMemoryLiveAvailability progressive = new InMemoryLiveAvailability();
            TestStreets streets = new TestStreets();
            int lots = 1 + random.nextInt(60);
            for (int i = 0; i < lots; i++) {
                String id = "L-" + i;
                streets.lot(id, random.nextInt(1_800) - 900, random.nextInt(1_800) - 900, 10);
                double hint = new double[] {0.05, 0.5, 0.9}[random.nextInt(3)];
                progressive.hint(PlaceKind.LOT, id, hint);
                if (random.nextInt(10) > 0) {
                    boolean stale = random.nextInt(5) == 0;
                    LiveCount count = new LiveCount(random.nextInt(3), stale ? NOW.minusSeconds(7_200) : RECENT,
                            stale, random.nextBoolean() ? List.of() : List.of(
                                    new FreeSample(RECENT.minusSeconds(600), random.nextInt(6))));
                    all.put(PlaceKind.LOT, id, count);
                    progressive.put(PlaceKind.LOT, id, count);
                }
            }
            RegistrySnapshot city = streets.snapshot();
            int limit = 1 + random.nextInt(12);
            NearestQuery query = NearestQuery.around(CENTRE, 1_000, limit);
            if (random.nextBoolean()) {
                query = query.withArriveAt(NOW.plus(Duration.ofMinutes(random.nextInt(60))));
            }
            List<Candidate> candidates = SearchCandidates.within(city, CENTRE, 1_000, java.util.Optional.empty(),
                    SpaceCategory.GENERAL);
            // reading every candidate at once, as before
            java.util.Optional<Ranking.Arrival> arrival = query.arriveAt()
                    .map(at -> new Ranking.Arrival(LinearTrendPredictor.standard(), at));
            Map<PlaceRef, LiveCount> every = all.lookup(candidates.stream().map(Candidate::place).toList(),
                    SpaceCategory.GENERAL, arrival.isPresent() ? LinearTrendPredictor.standard().window()
                            : Duration.ZERO).block(Duration.ofSeconds(5));
            List<FoundPlace> expected = Ranking.rank(candidates, every, arrival, limit);
            NearestSearch search = new NearestSearch(() -> city, tariffs, progressive,
                    LinearTrendPredictor.standard(), Clock.fixed(NOW, ZoneOffset.UTC));
            SearchResult actual = search.nearest(query).block(Duration.ofSeconds(5));

            String why = "round " + round + ", " + lots + " lots, limit " + limit;
            assertThat(actual.places()).as(why).isEqualTo(expected);
            int read = progressive.lookups.stream().mapToInt(lookup -> lookup.places().size()).sum();
            assertThat(read).as(why).isLessThanOrEqualTo(candidates.size());
            readAgain += progressive.lookups.size() > 1 ? 1 : 0;
            readLess += read < candidates.size() ? 1 : 0;
        }
        // both ways out of the first read happened: settled early, and read again
        assertThat(readAgain).isPositive();
        assertThat(readLess).isPositive();
    }
}
