package dev.citypark.availability.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityChange;
import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.BayAvailability;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.availability.PlaceRef;
import dev.citypark.core.BayId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.NotFoundException;
import dev.citypark.core.SegmentId;
import dev.citypark.occupancy.OccupancyValidator;
import dev.citypark.occupancy.Place;
import dev.citypark.occupancy.PlaceKind;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@link Availability} on the Redis live state, with freshness applied at read time by {@link LiveView}. */
@Component
class RedisAvailability implements Availability {

    private final LiveStore store;
    private final LiveView view;
    private final OccupancyValidator places;
    private final Registry registry;
    private final ChangeFeed feed;
    private final int maxPlaces;

    RedisAvailability(LiveStore store, OccupancyValidator places, Registry registry, ChangeFeed feed,
            AvailabilityProperties properties) {
        this.store = store;
        this.view = new LiveView(properties);
        this.places = places;
        this.registry = registry;
        this.feed = feed;
        this.maxPlaces = properties.maxPlacesPerQuery();
    }

    @Override
    public Mono<PlaceAvailability> forLot(LotId lot) {
        return forPlace(PlaceKind.LOT, lot.value(), "lot");
    }

    @Override
    public Mono<PlaceAvailability> forSegment(SegmentId segment) {
        return forPlace(PlaceKind.SEGMENT, segment.value(), "segment");
    }

    private Mono<PlaceAvailability> forPlace(PlaceKind kind, String id, String what) {
        return Mono.defer(() -> {
            Place place = places.findPlace(id).filter(p -> p.kind() == kind)
                    .orElseThrow(() -> new NotFoundException(what, id));
            return store.read(new PlaceRef(kind, id)).map(hash -> view.place(place, hash, Instant.now()));
        });
    }

    @Override
    public Mono<BayAvailability> forBay(BayId bay) {
        return Mono.defer(() -> {
            Place place = places.findPlaceOfBay(bay).orElseThrow(() -> new NotFoundException("bay", bay.value()));
            var category = places.findBayCategory(bay).orElseThrow();
            return store.readBay(new PlaceRef(place.kind(), place.id()), bay.value())
                    .map(stored -> view.bay(bay, place, category, stored, Instant.now()))
                    .defaultIfEmpty(view.bay(bay, place, category, null, Instant.now()));
        });
    }

    @Override
    public Mono<Map<BayId, BayAvailability>> forBays(Collection<BayId> bays) {
        return Mono.defer(() -> {
            Map<PlaceRef, List<String>> byPlace = new LinkedHashMap<>();
            Map<BayId, Place> placeOf = new LinkedHashMap<>();
            for (BayId bay : bays) {
                places.findPlaceOfBay(bay).ifPresent(place -> {
                    if (placeOf.putIfAbsent(bay, place) == null) {
                        byPlace.computeIfAbsent(new PlaceRef(place.kind(), place.id()), ref -> new ArrayList<>())
                                .add(bay.value());
                    }
                });
            }
            if (placeOf.isEmpty()) {
                return Mono.just(Map.<BayId, BayAvailability>of());
            }
            return store.readBays(byPlace).map(stored -> {
                Instant now = Instant.now();
                Map<String, String> valueOf = new java.util.HashMap<>();
                stored.forEach((ref, values) -> {
                    List<String> ids = byPlace.get(ref);
                    for (int i = 0; i < ids.size(); i++) {
                        valueOf.put(ids.get(i), values.get(i));
                    }
                });
                Map<BayId, BayAvailability> result = new LinkedHashMap<>();
                placeOf.forEach((bay, place) -> places.findBayCategory(bay).ifPresent(category ->
                        result.put(bay, view.bay(bay, place, category, valueOf.get(bay.value()), now))));
                return result;
            });
        });
    }

    @Override
    public Mono<Map<String, PlaceAvailability>> forPlaces(Collection<String> placeIds) {
        return Mono.defer(() -> {
            Map<PlaceRef, Place> known = new LinkedHashMap<>();
            for (String id : placeIds) {
                places.findPlace(id).ifPresent(place -> known.put(new PlaceRef(place.kind(), place.id()), place));
            }
            return read(known).map(list -> {
                Map<String, PlaceAvailability> byId = new LinkedHashMap<>();
                list.forEach(availability -> byId.put(availability.place().id(), availability));
                return byId;
            });
        });
    }

    @Override
    public Mono<List<PlaceAvailability>> inBox(Envelope box) {
        return Mono.defer(() -> {
            RegistrySnapshot city = registry.snapshot();
            List<Lot> lots = city.listLots(box, lot -> true, null, maxPlaces + 1);
            List<Segment> segments = new ArrayList<>(city.listSegmentsIntersecting(box));
            if (lots.size() + segments.size() > maxPlaces) {
                throw new InvalidValueException("bbox", "the box holds more than " + maxPlaces
                        + " lots and segments; use a smaller box");
            }
            segments.sort(Comparator.comparing(segment -> segment.id().value()));
            Map<PlaceRef, Place> wanted = new LinkedHashMap<>();
            for (Lot lot : lots) {
                places.findPlace(lot.id().value()).ifPresent(p -> wanted.put(PlaceRef.lot(p.id()), p));
            }
            for (Segment segment : segments) {
                places.findPlace(segment.id().value()).filter(p -> p.kind() == PlaceKind.SEGMENT)
                        .ifPresent(p -> wanted.put(PlaceRef.segment(p.id()), p));
            }
            return read(wanted);
        });
    }

    private Mono<List<PlaceAvailability>> read(Map<PlaceRef, Place> wanted) {
        if (wanted.isEmpty()) {
            return Mono.just(List.of());
        }
        return store.read(wanted.keySet()).map(hashes -> {
            Instant now = Instant.now();
            List<PlaceAvailability> result = new ArrayList<>(hashes.size());
            hashes.forEach((ref, hash) -> result.add(view.place(wanted.get(ref), hash, now)));
            return result;
        });
    }

    @Override
    public Flux<AvailabilityChange> changes() {
        return feed.changes();
    }
}
