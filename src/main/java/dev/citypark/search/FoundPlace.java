package dev.citypark.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.citypark.billing.Quote;

/**
 * One search result: a candidate with its live count and, when asked for, its predicted count at arrival and the
 * price of the stay.
 *
 * @param candidate  the place, its point and distance
 * @param free       free spaces of the category now (last known when stale), &ge; 1
 * @param updatedAt  when that count was last confirmed
 * @param freshness  whether the count is fresh or stale
 * @param prediction the predicted count at the arrival time, when one was given
 * @param price      the price of the stay with its breakdown, when a stay was given
 */
public record FoundPlace(Candidate candidate, int free, Instant updatedAt, Freshness freshness,
                         Optional<Prediction> prediction, Optional<Quote> price) {

    public FoundPlace {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(freshness, "freshness");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(price, "price");
    }

    public boolean isStale() {
        return freshness == Freshness.STALE;
    }

    FoundPlace withPrice(Optional<Quote> quote) {
        return new FoundPlace(candidate, free, updatedAt, freshness, prediction, quote);
    }
}
