package dev.citypark.opendata;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.xml.stream.XMLOutputFactory;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.NotFoundException;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The open-data exports of the current registry snapshot: NGSI-LD entities (FIWARE Smart Data Models) and DATEX II
 * v3.6 parking publications.
 * <p>
 * Everything static is built once per {@link RegistrySnapshot}, keyed by the snapshot's identity (the registry swaps
 * snapshots copy-on-write, so a new identity means new content): the index of places in id order and the whole
 * DATEX II parking table, both built on {@code boundedElastic} and cached until the snapshot changes. Live values
 * are read per request through {@link LiveValues}, one read per page or publication. Thread-safe.
 */
@Component
public class OpenData {

    /** The largest NGSI-LD page. */
    public static final int MAX_LIMIT = 1000;

    private final Supplier<RegistrySnapshot> snapshots;
    private final LiveValues liveValues;
    private final Clock clock;
    private final Datex2Writer datex2;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    @Autowired
    public OpenData(Registry registry, LiveValues liveValues) {
        this(registry::snapshot, liveValues, Clock.systemUTC());
    }

    OpenData(Supplier<RegistrySnapshot> snapshots, LiveValues liveValues, Clock clock) {
        this.snapshots = snapshots;
        this.liveValues = liveValues;
        this.clock = clock;
        // both look up providers on the class path the first time: do it here, not on an event loop
        this.datex2 = new Datex2Writer(XMLOutputFactory.newFactory());
        Export.strongEtag(new byte[0]);
    }

    /**
     * One page of the entities of {@code type} in id order, with their live values.
     *
     * @throws InvalidValueException when {@code offset} is negative or {@code limit} is not 1..{@value #MAX_LIMIT}
     */
    public Mono<EntityPage> listEntities(NgsiType type, int offset, int limit, NgsiForm form) {
        if (offset < 0) {
            return Mono.error(new InvalidValueException("offset", "offset must not be negative, was " + offset));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Mono.error(new InvalidValueException("limit", "limit must be 1.." + MAX_LIMIT + ", was " + limit));
        }
        return cached().index().flatMap(city -> {
            int total = city.count(type);
            int from = Math.min(offset, total);
            int to = (int) Math.min((long) from + limit, total);
            NgsiEntities entities = new NgsiEntities(city);
            return switch (type) {
                case OFF_STREET_PARKING -> page(city.lots().subList(from, to), l -> l.id().value(),
                        entities::offStreet, form, offset, limit, total);
                case ON_STREET_PARKING -> page(city.segments().subList(from, to), s -> s.id().value(),
                        entities::onStreet, form, offset, limit, total);
                case PARKING_SPOT -> page(city.bays().subList(from, to), b -> b.bay().id().value(),
                        entities::spot, form, offset, limit, total);
            };
        });
    }

    private <T> Mono<EntityPage> page(List<T> places, Function<T, String> idOf,
            java.util.function.BiFunction<T, LiveValue, Map<String, Object>> mapper, NgsiForm form, int offset,
            int limit, int total) {
        List<String> ids = places.stream().map(idOf).toList();
        return live(ids).map(values -> {
            List<Map<String, Object>> entities = new ArrayList<>(places.size());
            for (T place : places) {
                entities.add(formed(mapper.apply(place, values.get(idOf.apply(place))), form));
            }
            return new EntityPage(entities, offset, limit, total);
        });
    }

    /**
     * The entity with NGSI-LD id {@code id} ({@code urn:ngsi-ld:<Type>:<registry id>}).
     *
     * @throws InvalidValueException when {@code id} is not a URN
     * @throws NotFoundException     when no place of ours has that id
     */
    public Mono<Map<String, Object>> getEntity(String id, NgsiForm form) {
        if (id == null || !id.startsWith("urn:")) {
            return Mono.error(new InvalidValueException("id",
                    "an entity id is an NGSI-LD URN, urn:ngsi-ld:<Type>:<id>, was '" + id + "'"));
        }
        NgsiType.Urn urn = NgsiType.parseUrn(id).orElse(null);
        if (urn == null) {
            return Mono.error(new NotFoundException("entity", id));
        }
        return cached().index().flatMap(city -> {
            NgsiEntities entities = new NgsiEntities(city);
            String local = urn.localId();
            return switch (urn.type()) {
                case OFF_STREET_PARKING -> one(city.findLot(local).orElse(null), local, entities::offStreet, form);
                case ON_STREET_PARKING -> one(city.findSegment(local).orElse(null), local, entities::onStreet, form);
                case PARKING_SPOT -> one(city.findBay(local).orElse(null), local, entities::spot, form);
            };
        }).switchIfEmpty(Mono.error(() -> new NotFoundException("entity", id)));
    }

    private <T> Mono<Map<String, Object>> one(T place, String localId,
            java.util.function.BiFunction<T, LiveValue, Map<String, Object>> mapper, NgsiForm form) {
        if (place == null) {
            return Mono.empty();
        }
        return live(List.of(localId)).map(values -> formed(mapper.apply(place, values.get(localId)), form));
    }

    private static Map<String, Object> formed(Map<String, Object> keyValues, NgsiForm form) {
        return form == NgsiForm.NORMALIZED ? NgsiNormalized.of(keyValues) : keyValues;
    }

    private Mono<Map<String, LiveValue>> live(List<String> ids) {
        return ids.isEmpty() ? Mono.just(Map.of()) : liveValues.forPlaces(ids);
    }

    /** The DATEX II {@code ParkingTablePublication}: built once per registry snapshot. */
    public Mono<Export> parkingTable() {
        return cached().table();
    }

    /** The DATEX II {@code ParkingStatusPublication} with the live values read now. */
    public Mono<Export> parkingStatus() {
        return cached().index().flatMap(city -> {
            List<String> ids = city.lots().stream().map(l -> l.id().value()).toList();
            return live(ids)
                    .publishOn(Schedulers.boundedElastic())
                    .map(values -> {
                        Instant now = clock.instant();
                        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
                        datex2.writeStatus(city, values, now, out);
                        return Export.of(out.toByteArray(), now);
                    });
        });
    }

    /** The cache entry of the current snapshot, replacing the previous one when the registry has swapped. */
    private Cached cached() {
        RegistrySnapshot snapshot = snapshots.get();
        return cache.updateAndGet(current -> current != null && current.snapshot() == snapshot ? current
                : newEntry(snapshot));
    }

    private Cached newEntry(RegistrySnapshot snapshot) {
        Mono<CityIndex> index = cacheValue(Mono.fromCallable(() -> CityIndex.of(snapshot, clock.instant()))
                .subscribeOn(Schedulers.boundedElastic()));
        Mono<Export> table = cacheValue(index.publishOn(Schedulers.boundedElastic()).map(city -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream(4 * 1024 * 1024);
            datex2.writeTable(city, out);
            return Export.of(out.toByteArray(), city.builtAt());
        }));
        return new Cached(snapshot, index, table);
    }

    /** Caches a value for good but an error not at all, so a failed build is retried by the next request. */
    private static <T> Mono<T> cacheValue(Mono<T> source) {
        return source.cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO,
                () -> Duration.ZERO);
    }

    private record Cached(RegistrySnapshot snapshot, Mono<CityIndex> index, Mono<Export> table) {
    }
}
