package dev.citypark.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * Nearest free space: the candidates within the radius ({@link SearchCandidates}, in memory), their live counts in
 * one {@link LiveAvailability} round trip, ranked ({@link Ranking}: fresh with free spaces first, stale after,
 * arrival predictions and distance), and for the results only, the price of the stay from the tariff engine.
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
            List<Candidate> all = SearchCandidates.within(registry.get(), query.point(), query.radiusMetres(),
                    query.kind(), query.category());
            if (all.isEmpty()) {
                return Mono.just(new SearchResult(List.of(), 0, arrival.map(a -> predictor.name())));
            }
            List<Candidate> candidates = all.size() > MAX_CANDIDATES ? all.subList(0, MAX_CANDIDATES) : all;
            List<PlaceRef> places = candidates.stream().map(Candidate::place).toList();
            Duration window = arrival.isPresent() ? predictor.window() : Duration.ZERO;
            Instant entry = query.arriveAt().orElse(now);
            return availability.lookup(places, query.category(), window)
                    .map(live -> Ranking.rank(candidates, live, arrival, query.limit()))
                    .map(ranked -> new SearchResult(
                            ranked.stream().map(p -> p.withPrice(price(query, p.candidate(), entry))).toList(),
                            all.size(), arrival.map(a -> predictor.name())));
        });
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
