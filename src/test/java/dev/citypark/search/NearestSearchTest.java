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
}
