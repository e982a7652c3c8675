package dev.citypark.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import dev.citypark.billing.Quote;
import dev.citypark.billing.StayRequest;
import dev.citypark.billing.TariffId;
import dev.citypark.billing.Tariffs;
import dev.citypark.billing.VehicleSize;
import dev.citypark.core.InvalidValueException;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.SpaceCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Nearest free space: the candidates within the radius ({@link SearchCandidates}, in memory), the live counts of the
 * nearest of them in one {@link LiveAvailability} round trip, ranked ({@link Ranking}: fresh with free spaces first,
 * stale after, arrival predictions and distance), and for the results only, the price of the stay from the tariff
 * engine.
 * <p>
 * The first read takes as many of the nearest candidates as this instance expects to yield the limit with a margin
 * ({@link LiveAvailability#likelyResult}, from the change stream); the farther ones are read only when that read
 * does not settle the answer (a later, larger read — rare where the hints are right). The answer is the one reading
 * every candidate would give: a candidate is skipped only when it cannot rank before the last result.
 * <p>
 * Thread-safe. The candidate stage and the pricing are CPU work of about a millisecond or less, done on the
 * subscribing thread; only the availability read is I/O.
 */
public final class NearestSearch {

    /**
     * At most this many of the nearest candidates are looked up; farther ones are not. The densest 5 km circle of
     * the committed city holds about 3,000.
     */
    public static final int MAX_CANDIDATES = 5_000;
    /** How far in the past an arrival time may lie (clock skew of the client). */
    static final Duration ARRIVAL_PAST_TOLERANCE = Duration.ofMinutes(5);
    /** How far ahead an arrival time may lie. */
    static final Duration ARRIVAL_HORIZON = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(NearestSearch.class);

    private final Supplier<RegistrySnapshot> registry;
    private final Tariffs tariffs;
    private final LiveAvailability availability;
    private final TrendPredictor predictor;
    private final Clock clock;
    private final LongAdder searches = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final LongAdder readAgain = new LongAdder();

    public NearestSearch(Supplier<RegistrySnapshot> registry, Tariffs tariffs, LiveAvailability availability,
                         TrendPredictor predictor, Clock clock) {
        this.registry = registry;
        this.tariffs = tariffs;
        this.availability = availability;
        this.predictor = predictor;
        this.clock = clock;
    }

    /**
     * @throws InvalidValueException (as the Mono's error, field {@code arriveAt}) for an arrival more than 5
     *                               minutes in the past or more than 24 hours ahead
     */
    public Mono<SearchResult> nearest(NearestQuery query) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Optional<Ranking.Arrival> arrival = query.arriveAt().map(at -> arrival(at, now));
            NearestCandidates nearest = SearchCandidates.nearest(registry.get(), query.point(),
                    query.radiusMetres(), query.kind(), query.category());
            int all = nearest.size();
            if (all == 0) {
                return Mono.just(new SearchResult(List.of(), 0, arrival.map(a -> predictor.name())));
            }
            int candidates = Math.min(all, MAX_CANDIDATES);
            Duration window = arrival.isPresent() ? predictor.window() : Duration.ZERO;
            Instant entry = query.arriveAt().orElse(now);
            return rankNearest(nearest, candidates, 0, firstRead(nearest, candidates, query), query, window, arrival,
                    new HashMap<>(), 1)
                    .map(ranked -> new SearchResult(
                            ranked.stream().map(p -> p.withPrice(price(query, p.candidate(), entry))).toList(),
                            all, arrival.map(a -> predictor.name())));
        });
    }

    /**
     * Reads the live counts of candidates {@code [from, to)} (of the first {@code count}) in one round trip and
     * ranks everything read so far; when that settles the answer ({@link Ranking#settles}: no unread, farther
     * candidate could rank before the last result) it is the answer, otherwise the next, four times larger prefix
     * is read. Candidates are nearest first, so the answer is the same as reading them all.
     */
    private Mono<List<FoundPlace>> rankNearest(NearestCandidates nearest, int count, int from, int to,
            NearestQuery query, Duration window, Optional<Ranking.Arrival> arrival, Map<PlaceRef, LiveCount> live,
            int round) {
        // one more than read: the nearest unread candidate's distance bounds what reading on could change
        List<Candidate> prefix = nearest.first(Math.min(count, to + 1));
        List<PlaceRef> places = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            places.add(prefix.get(i).place());
        }
        return availability.lookup(places, query.category(), window).flatMap(read -> {
            live.putAll(read);
            List<FoundPlace> ranked = Ranking.rank(prefix.subList(0, to), live, arrival, query.limit());
            if (to == count || Ranking.settles(ranked, query.limit(), prefix.get(to).distanceMetres())) {
                searches.increment();
                reads.add(round);
                if (round > 1) {
                    readAgain.increment();
                }
                return Mono.just(ranked);
            }
            return rankNearest(nearest, count, to, Math.min(count, 4 * to), query, window, arrival, live,
                    round + 1);
        });
    }

    /**
     * How many of the nearest candidates the first read takes: enough that the ones this instance expects to be
     * results ({@link LiveAvailability#likelyResult}) add up to the limit and a margin of a quarter (at least two),
     * and never fewer than the limit.
     */
    int firstRead(NearestCandidates nearest, int count, NearestQuery query) {
        double wanted = query.limit() + Math.max(2.0, query.limit() / 4.0);
        double expected = 0;
        int n = 0;
        List<Candidate> candidates = List.of();
        while (n < count && expected < wanted) {
            if (n == candidates.size()) {
                candidates = nearest.first(Math.min(count, Math.max(2 * n, 2 * query.limit() + 8)));
            }
            expected += availability.likelyResult(candidates.get(n), query.category());
            n++;
        }
        return Math.max(n, Math.min(query.limit(), count));
    }

    /** Searches answered with at least one candidate (the ones that read live availability), since start. */
    public long searchesRead() {
        return searches.sum();
    }

    /** Live-availability round trips of those searches, since start: one per search unless the first did not settle. */
    public long liveReads() {
        return reads.sum();
    }

    /** Of {@link #searchesRead()}, those that needed more than one round trip. */
    public long searchesReadAgain() {
        return readAgain.sum();
    }

    private Ranking.Arrival arrival(Instant at, Instant now) {
        if (at.isBefore(now.minus(ARRIVAL_PAST_TOLERANCE))) {
            throw new InvalidValueException("arriveAt", "arriveAt " + at + " is in the past");
        }
        if (at.isAfter(now.plus(ARRIVAL_HORIZON))) {
            throw new InvalidValueException("arriveAt", "arriveAt " + at + " is more than "
                    + ARRIVAL_HORIZON.toHours() + " hours ahead");
        }
        return new Ranking.Arrival(predictor, at);
    }

    private Optional<Quote> price(NearestQuery query, Candidate candidate, Instant entry) {
        if (query.stay().isEmpty()) {
            return Optional.empty();
        }
        StayRequest stay = StayRequest.of(entry, entry.plus(query.stay().get()))
                .withSize(query.category() == SpaceCategory.LARGE ? VehicleSize.LARGE : VehicleSize.SMALL)
                .withNewEnergy(query.category() == SpaceCategory.NEV
                        || query.category() == SpaceCategory.EV_CHARGING);
        Optional<Quote> quote = tariffs.findTariff(TariffId.of(candidate.tariffId())).map(t -> t.quote(stay));
        if (quote.isEmpty()) {
            log.warn("Place {} refers to unknown tariff {}; its result carries no price", candidate.place(),
                    candidate.tariffId());
        }
        return quote;
    }
}
