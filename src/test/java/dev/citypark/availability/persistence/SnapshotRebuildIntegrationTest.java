package dev.citypark.availability.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.Availability;
import dev.citypark.availability.BayState;
import dev.citypark.availability.PlaceRef;
import dev.citypark.availability.SignedRecords;
import dev.citypark.availability.TestPlaces;
import dev.citypark.availability.live.LiveMeta;
import dev.citypark.availability.live.LiveStore;
import dev.citypark.core.SensorId;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.LotFlow;
import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.security.RecordSignatures;
import dev.citypark.security.TestCallers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis loss: a flushed Redis is rebuilt from the latest snapshot plus the topics replayed from the snapshot's
 * offsets, and ends in exactly the state it had — including events that arrived after the snapshot.
 */
@CityparkIntegrationTest
class SnapshotRebuildIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Snapshotter snapshotter;

    @Autowired
    LiveStateGuardian guardian;

    @Autowired
    LiveStore store;

    @Autowired
    LiveMeta meta;

    @Autowired
    Availability availability;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RecordSignatures signatures;

    @Autowired
    Registry registry;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void rebuildsAFlushedRedisToTheSameStateFromTheSnapshotAndTheTopics() {
        TestPlaces places = new TestPlaces(registry, redis);
        List<Segment> segments = places.segmentsOf(TestCallers.OPERATOR_3, 20, 2);
        List<Lot> lots = places.countedLotsOf(TestCallers.OPERATOR_1, 20, 2);
        List<PlaceRef> refs = new ArrayList<>();
        segments.forEach(s -> refs.add(PlaceRef.segment(s.id().value())));
        lots.forEach(l -> refs.add(PlaceRef.lot(l.id().value())));
        Lot counted = lots.get(0);
        Lot gated = lots.get(1);
        int capacity = counted.capacity().count(SpaceCategory.GENERAL);

        // before the snapshot
        bay(segments.get(0), 0, true, T0);
        bay(segments.get(0), 1, true, T0);
        bay(segments.get(1), 0, false, T0);
        count(counted, T0, capacity - 20);
        flow(counted, T0.plusSeconds(10), 3, 1);
        count(gated, T0, 5);
        gate(gated, "SessionOpened", T0.plusSeconds(20));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(free(counted)).isEqualTo(capacity - 22);
            assertThat(availability.forSegment(segments.get(1).id()).block().free()).isEqualTo(1);
            assertThat(availability.forLot(gated.id()).block().categories().get(SpaceCategory.GENERAL).free())
                    .isEqualTo(4);
        });
        Long snapshot = snapshotter.takeSnapshot().block();
        assertThat(snapshot).isNotNull();

        // after the snapshot
        bay(segments.get(0), 0, false, T0.plusSeconds(60));
        bay(segments.get(1), 1, true, T0.plusSeconds(60));
        flow(counted, T0.plusSeconds(70), 0, 5);
        gate(gated, "SessionClosed", T0.plusSeconds(80));
        gate(gated, "SessionOpened", T0.plusSeconds(90));
        gate(gated, "SessionOpened", T0.plusSeconds(95));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(free(counted)).isEqualTo(capacity - 17);
            assertThat(availability.forBay(segments.get(1).bays().get(1).id()).block().state())
                    .isEqualTo(BayState.OCCUPIED);
            assertThat(availability.forLot(gated.id()).block().categories().get(SpaceCategory.GENERAL).free())
                    .isEqualTo(3);
        });
        Map<PlaceRef, Map<String, Object>> before = states(refs);

        redis.getConnectionFactory().getReactiveConnection().serverCommands().flushAll().block();
        assertThat(meta.epoch().blockOptional()).isEmpty();
        assertThat(availability.forLot(counted.id()).block().free()).isZero();
        guardian.rebuildIfEmpty().block();

        assertThat(meta.read().block()).containsEntry("snapshot", snapshot.toString());
        await().atMost(WAIT).untilAsserted(() -> assertThat(states(refs)).isEqualTo(before));
    }

    private void bay(Segment segment, int bay, boolean occupied, Instant at) {
        send(segment.id().value(), new BayStatus(segment.operator(), segment.bays().get(bay).id(), occupied, at,
                SensorId.of("MAG-S"), null, false));
    }

    private void count(Lot lot, Instant at, int generalFree) {
        send(lot.id().value(), new LotCount(lot.operator(), lot.id(), at, Map.of(SpaceCategory.GENERAL, generalFree),
                Map.of(), false, null));
    }

    private void flow(Lot lot, Instant at, int entries, int exits) {
        send(lot.id().value(), new LotFlow(lot.operator(), lot.id(), at, UUID.randomUUID().toString(),
                Map.of(SpaceCategory.GENERAL, entries), Map.of(SpaceCategory.GENERAL, exits)));
    }

    private void gate(Lot lot, String type, Instant at) {
        kafka.send("citypark.sessions.v1", lot.id().value(), """
                {"type":"%s","eventId":"%s","sessionId":"%s","placeKind":"LOT","placeId":"%s","operatorId":"%s",
                 "category":"GENERAL","occurredAt":"%s","plate":"鲁B12345","plateColour":"BLUE"}"""
                .formatted(type, UUID.randomUUID(), UUID.randomUUID(), lot.id(), lot.operator(), at)).join();
    }

    private void send(String key, OccupancyEvent event) {
        kafka.send(SignedRecords.signed(signatures, key, event)).join();
    }

    private int free(Lot lot) {
        return availability.forLot(lot.id()).block().categories().get(SpaceCategory.GENERAL).free();
    }

    /** Each place's hash and recent flows, as maps (field order in Redis is not part of the state). */
    private Map<PlaceRef, Map<String, Object>> states(List<PlaceRef> refs) {
        Map<PlaceRef, Map<String, Object>> states = new LinkedHashMap<>();
        for (PlaceRef ref : refs) {
            String dump = store.dump(ref).block();
            Map<String, Object> state = new LinkedHashMap<>();
            if (!dump.isEmpty()) {
                JsonNode node = JSON.readTree(dump);
                state.put("hash", pairs(node.get("h")));
                state.put("flows", pairs(node.get("f")));
            }
            states.put(ref, state);
        }
        return states;
    }

    private static Map<String, String> pairs(JsonNode array) {
        Map<String, String> pairs = new java.util.TreeMap<>();
        if (array != null && array.isArray()) {
            for (int i = 0; i + 1 < array.size(); i += 2) {
                pairs.put(array.get(i).asString(), array.get(i + 1).asString());
            }
        }
        return pairs;
    }
}
