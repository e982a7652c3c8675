package dev.citypark.opendata;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The production {@link LiveValues} until live availability is wired in: it knows no live value, so every export
 * publishes live attributes as unknown (no {@code availableSpotNumber}, {@code ParkingSpot.status} "unknown",
 * DATEX II {@code status} unknown) rather than inventing numbers. Replaced by an adapter over
 * {@code dev.citypark.availability} when that module lands.
 */
@Component
class UnknownLiveValues implements LiveValues {

    @Override
    public Mono<Map<String, LiveValue>> forPlaces(Collection<String> placeIds) {
        return Mono.just(Map.of());
    }
}
