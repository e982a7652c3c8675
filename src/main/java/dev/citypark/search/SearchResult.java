package dev.citypark.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a {@link NearestQuery}.
 *
 * @param places     ranked results: fresh places with free spaces first, then stale ones, at most the limit
 * @param candidates how many places within the radius had spaces of the category (before live filtering)
 * @param predictor  the name of the predictor that ranked by arrival, when an arrival time was given
 */
public record SearchResult(List<FoundPlace> places, int candidates, Optional<String> predictor) {

    public SearchResult {
        places = List.copyOf(places);
        Objects.requireNonNull(predictor, "predictor");
    }
}
