package dev.citypark.search;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.citypark.registry.SpaceCategory;
import reactor.core.publisher.Mono;

/**
 * The port through which search reads live availability; the availability capability provides the implementation
 * (an adapter over its public API that reads all places in one pipelined Redis round trip). Search owns this
 * interface so its ranking does not depend on how availability stores counts.
 */
public interface LiveAvailability {

    /**
     * Live free counts of {@code category} at many places, in one round trip.
     *
     * @param places       the places, nearest first (at most a few thousand)
     * @param category     the space category asked for
     * @param recentWindow when positive, every count also carries the samples of that past window (oldest first)
     *                     for arrival prediction; {@link Duration#ZERO} for none
     * @return the counts by place; a place without any live data is absent (never a default zero)
     */
    Mono<Map<PlaceRef, LiveCount>> lookup(List<PlaceRef> places, SpaceCategory category, Duration recentWindow);

    /**
     * Without I/O: how likely this instance thinks the candidate is to be a result (fresh, with a free space of the
     * category) from what it last heard — near 0 for a place last seen full, near 1 for one last seen with free
     * spaces, {@value #NO_IDEA} when it heard nothing recent. It only sizes the first {@link #lookup} of a search so
     * that one round trip usually settles it; it never decides a result.
     */
    default double likelyResult(Candidate candidate, SpaceCategory category) {
        return NO_IDEA;
    }

    /** {@link #likelyResult} of a place nothing recent is known about. */
    double NO_IDEA = 0.5;
}
