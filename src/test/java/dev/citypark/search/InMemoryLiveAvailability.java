package dev.citypark.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.registry.SpaceCategory;
import reactor.core.publisher.Mono;

/**
 * A test double of the {@link LiveAvailability} port: counts held in a map, with a record of every lookup (one per
 * search is the contract). Test sources only; production wiring is the availability module's adapter.
 */
final class InMemoryLiveAvailability implements LiveAvailability {

    private final Map<PlaceRef, LiveCount> counts = new HashMap<>();
    private final Map<PlaceRef, Double> hints = new HashMap<>();
    final List<Lookup> lookups = new ArrayList<>();

    record Lookup(List<PlaceRef> places, SpaceCategory category, Duration recentWindow) {
    }

    InMemoryLiveAvailability put(PlaceKind kind, String id, LiveCount count) {
        counts.put(new PlaceRef(kind, id), count);
        return this;
    }

    /** What {@link #likelyResult} answers for the place (otherwise {@link #NO_IDEA}). */
    InMemoryLiveAvailability hint(PlaceKind kind, String id, double likelyResult) {
        hints.put(new PlaceRef(kind, id), likelyResult);
        return this;
    }

    @Override
    public double likelyResult(Candidate candidate, SpaceCategory category) {
        return hints.getOrDefault(candidate.place(), NO_IDEA);
    }

    @Override
    public Mono<Map<PlaceRef, LiveCount>> lookup(List<PlaceRef> places, SpaceCategory category,
                                                 Duration recentWindow) {
        return Mono.fromSupplier(() -> {
            lookups.add(new Lookup(List.copyOf(places), category, recentWindow));
            Map<PlaceRef, LiveCount> found = new HashMap<>();
            for (PlaceRef place : places) {
                LiveCount count = counts.get(place);
                if (count != null) {
                    found.put(place, recentWindow.isZero()
                            ? LiveCount.of(count.free(), count.updatedAt(), count.stale())
                            : count);
                }
            }
            return found;
        });
    }
}
