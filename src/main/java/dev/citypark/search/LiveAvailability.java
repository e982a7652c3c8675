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
}
