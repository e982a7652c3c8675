package dev.citypark.availability.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.citypark.availability.AppliedPlaceState;
import dev.citypark.availability.AvailabilityFlag;
import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.AvailabilityTopics;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.availability.PlaceRef;
import dev.citypark.availability.live.LiveStore;
import dev.citypark.availability.live.LiveView;
import dev.citypark.core.LotId;
import dev.citypark.core.SegmentId;
import dev.citypark.occupancy.OccupancyValidator;
import dev.citypark.occupancy.Place;
import dev.citypark.occupancy.PlaceKind;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes the state of the places a chunk changed to {@link AvailabilityTopics#HISTORY}: one pipelined Redis read
 * of those places (not one round trip per event), one record per place keyed by place id, and waits for the broker's
 * acknowledgement of all of them — so the consumer commits its offsets only after the history has them too (at least
 * once; a redelivered chunk publishes the same observation again, which analytics ignores).
 * <p>
 * Blocks: call it on the Kafka consumer thread, after the chunk was applied and announced.
 */
@Component
class HistoryPublisher {

    private final LiveStore store;
    private final LiveView view;
    private final OccupancyValidator places;
    private final Registry registry;
    private final KafkaTemplate<String, String> kafka;

    HistoryPublisher(LiveStore store, AvailabilityProperties properties, OccupancyValidator places, Registry registry,
            KafkaTemplate<String, String> kafka) {
        this.store = store;
        this.view = new LiveView(properties);
        this.places = places;
        this.registry = registry;
        this.kafka = kafka;
    }

    void publish(Collection<PlaceRef> changed) {
        if (changed.isEmpty()) {
            return;
        }
        Map<PlaceRef, Map<String, String>> hashes = OccupancyBatchHandler.await(store.read(changed).toFuture(),
                "read changed places for the history");
        Instant now = Instant.now();
        RegistrySnapshot city = registry.snapshot();
        List<CompletableFuture<?>> sent = new ArrayList<>(hashes.size());
        hashes.forEach((ref, hash) -> {
            AppliedPlaceState state = state(ref, hash, city, now);
            if (state != null) {
                sent.add(kafka.send(new ProducerRecord<>(AvailabilityTopics.HISTORY, ref.id(), state.toJson())));
            }
        });
        OccupancyBatchHandler.await(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)),
                "publish the history");
    }

    private AppliedPlaceState state(PlaceRef ref, Map<String, String> hash, RegistrySnapshot city, Instant now) {
        Place place = places.findPlace(ref.id()).filter(p -> p.kind() == ref.kind()).orElse(null);
        String district = ref.kind() == PlaceKind.LOT
                ? city.findLot(LotId.of(ref.id())).map(Lot::districtCode).orElse(null)
                : city.findSegment(SegmentId.of(ref.id())).map(Segment::districtCode).orElse(null);
        if (place == null || district == null) {
            return null;
        }
        PlaceAvailability current = view.place(place, hash, now);
        Instant observedAt = current.updatedAt();
        if (observedAt == null) {
            return null;
        }
        PlaceAvailability asObserved = view.place(place, hash, observedAt);
        return new AppliedPlaceState(ref, place.operator().value(), district, asObserved.status(), observedAt,
                current.flags().contains(AvailabilityFlag.STALE), asObserved.capacity(), asObserved.occupied(),
                asObserved.free(), asObserved.unknown(), asObserved.categories(), now);
    }
}
