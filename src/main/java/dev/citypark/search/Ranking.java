package dev.citypark.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders candidates joined with their live counts. The rules:
 * <ol>
 *     <li>only places with a live count and at least one free space are results: no data, or full, is left out;</li>
 *     <li>fresh places come before stale ones (stale ones are kept, marked, after every fresh one);</li>
 *     <li>with an arrival time, places predicted to still have a space at arrival come before those that are not;</li>
 *     <li>then nearer first (to the centimetre), then more free spaces, then kind and id.</li>
 * </ol>
 */
final class Ranking {

    private static final Comparator<FoundPlace> ORDER = Comparator
            .comparingInt((FoundPlace p) -> p.freshness().ordinal())
            .thenComparingInt(p -> p.prediction().map(prediction -> prediction.likelyFree() ? 0 : 1).orElse(0))
            .thenComparingLong(p -> Math.round(p.candidate().distanceMetres() * 100))
            .thenComparing(Comparator.comparingInt(FoundPlace::free).reversed())
            .thenComparing(p -> p.candidate().place().kind())
            .thenComparing(p -> p.candidate().place().id());

    private Ranking() {
    }

    /** When the driver arrives and who predicts for then. */
    record Arrival(TrendPredictor predictor, Instant at) {
    }

    static List<FoundPlace> rank(List<Candidate> candidates, Map<PlaceRef, LiveCount> live,
                                 Optional<Arrival> arrival, int limit) {
        List<FoundPlace> ranked = new ArrayList<>();
        for (Candidate candidate : candidates) {
            LiveCount count = live.get(candidate.place());
            if (count == null || count.free() < 1) {
                continue;
            }
            Optional<Prediction> prediction = arrival.map(a ->
                    a.predictor().predict(count, candidate.capacity(), a.at()));
            ranked.add(new FoundPlace(candidate, count.free(), count.updatedAt(),
                    count.stale() ? Freshness.STALE : Freshness.FRESH, prediction, Optional.empty()));
        }
        ranked.sort(ORDER);
        return ranked.stream().limit(limit).toList();
    }

    /**
     * Whether {@code ranked} — the first {@code limit} results of a prefix of the candidates, nearest first — is
     * already the answer for all of them: no candidate beyond the prefix can rank before its last result. The best
     * an unread candidate can be is fresh, predicted free, at {@code nextDistanceMetres} (the nearest unread one's
     * distance); the last result must be strictly better than that.
     */
    static boolean settles(List<FoundPlace> ranked, int limit, double nextDistanceMetres) {
        if (ranked.size() < limit) {
            return false;
        }
        FoundPlace last = ranked.get(limit - 1);
        return last.freshness() == Freshness.FRESH
                && last.prediction().map(Prediction::likelyFree).orElse(true)
                && Math.round(last.candidate().distanceMetres() * 100) < Math.round(nextDistanceMetres * 100);
    }
}
