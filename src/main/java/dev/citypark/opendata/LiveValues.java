package dev.citypark.opendata;

import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * Port: the live occupancy of places as open data publishes it. Place ids are registry ids of lots, segments or
 * bays. An implementation answers for the whole collection in one read (one pipelined Redis round trip, not one
 * per place) and leaves out every place it has no fresh value for: the exports then say "unknown" for that place.
 */
public interface LiveValues {

    /**
     * The fresh live values of those of {@code placeIds} that have one, keyed by place id; places missing from the
     * map are unknown. Never errors for an unknown id.
     */
    Mono<Map<String, LiveValue>> forPlaces(Collection<String> placeIds);
}
