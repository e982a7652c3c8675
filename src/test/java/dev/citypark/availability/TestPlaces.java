package dev.citypark.availability;

import java.util.Comparator;
import java.util.List;

import dev.citypark.availability.live.LiveKeys;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import org.locationtech.jts.geom.Envelope;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Real places of the committed city for tests that write live state. Test classes share Redis, so each class takes
 * places from its own range ({@code from}) and clears them before use.
 */
public final class TestPlaces {

    private final Registry registry;
    private final ReactiveStringRedisTemplate redis;

    public TestPlaces(Registry registry, ReactiveStringRedisTemplate redis) {
        this.registry = registry;
        this.redis = redis;
    }

    /** Segments with at least four bays, in id order from index {@code from}, cleared. */
    public List<Segment> segments(int from, int count) {
        return segmentsOf(null, from, count);
    }

    /** Segments of an operator (any if null) with at least four bays, in id order from {@code from}, cleared. */
    public List<Segment> segmentsOf(OperatorId operator, int from, int count) {
        List<Segment> segments = registry.snapshot().listSegmentsIntersecting(new Envelope(-180, 180, -90, 90))
                .stream()
                .filter(s -> s.bays().size() >= 4 && (operator == null || s.operator().equals(operator)))
                .sorted(Comparator.comparing(s -> s.id().value()))
                .skip(from).limit(count).toList();
        segments.forEach(s -> clear(PlaceRef.segment(s.id().value())));
        return segments;
    }

    /** Lots without an indoor model with at least 40 general spaces, in id order from index {@code from}, cleared. */
    public List<Lot> countedLots(int from, int count) {
        return countedLotsOf(null, from, count);
    }

    /** Lots of an operator (any if null) as {@link #countedLots}. */
    public List<Lot> countedLotsOf(OperatorId operator, int from, int count) {
        List<Lot> lots = registry.snapshot().listLots(null, l -> l.indoorModel() == null
                && l.capacity().count(SpaceCategory.GENERAL) >= 40
                && (operator == null || l.operator().equals(operator)), null, from + count).stream()
                .skip(from).toList();
        lots.forEach(l -> clear(PlaceRef.lot(l.id().value())));
        return lots;
    }

    /** Garages with an indoor model, in id order from index {@code from}, cleared. */
    public List<Lot> garages(int from, int count) {
        List<Lot> lots = registry.snapshot().listLots(null, l -> l.indoorModel() != null, null, from + count)
                .stream().skip(from).toList();
        lots.forEach(l -> clear(PlaceRef.lot(l.id().value())));
        return lots;
    }

    public void clear(PlaceRef place) {
        redis.delete(LiveKeys.place(place), LiveKeys.flows(place)).block();
    }
}
