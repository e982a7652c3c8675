package dev.citypark.availability.messaging;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.PlaceRef;
import dev.citypark.availability.SignedRecords;
import dev.citypark.availability.TestPlaces;
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
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out: two consumers share a topic in one group; one is killed mid-stream after applying a batch it never
 * committed, so the survivor gets that batch again. Every event is applied exactly once in effect: the final state
 * equals the state a single consumer reaches from the same records. Runs the production batch handler on a topic of
 * its own so the application's consumers stay out of it.
 */
@CityparkIntegrationTest
class ScaleOutIntegrationTest {

    private static final int PARTITIONS = 6;
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1800);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    OccupancyBatchHandler handler;

    @Autowired
    LiveStore store;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RecordSignatures signatures;

    @Autowired
    Admin admin;

    @Autowired
    Registry registry;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void twoConsumersAndAKillEndInTheStateOfOneConsumer() throws Exception {
        String topic = "citypark.test.scale-out." + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        TestPlaces places = new TestPlaces(registry, redis);
        List<Segment> segments = places.segmentsOf(TestCallers.OPERATOR_3, 40, 8);
        List<Lot> lots = places.countedLotsOf(TestCallers.OPERATOR_1, 40, 4);
        List<PlaceRef> refs = new ArrayList<>();
        segments.forEach(s -> refs.add(PlaceRef.segment(s.id().value())));
        lots.forEach(l -> refs.add(PlaceRef.lot(l.id().value())));
        List<ProducerRecord<String, String>> records = events(topic, segments, lots);
        for (ProducerRecord<String, String> record : records) {
            kafka.send(record);
        }
        kafka.flush();

        // a single consumer: the reference
        KafkaMessageListenerContainer<String, String> single = container(topic, "single-" + UUID.randomUUID(),
                new AtomicBoolean(false), new AtomicInteger(Integer.MAX_VALUE));
        single.start();
        awaitConsumed(single.getContainerProperties().getGroupId(), topic);
        single.stop();
        Map<PlaceRef, Map<String, Object>> reference = states(refs);
        refs.forEach(places::clear);

        // two consumers in one group; the first is killed after its fifth batch, which it applied but never committed
        String group = "pair-" + UUID.randomUUID();
        AtomicBoolean killed = new AtomicBoolean(false);
        AtomicInteger doomedBudget = new AtomicInteger(5);
        KafkaMessageListenerContainer<String, String> doomed = container(topic, group, killed, doomedBudget);
        KafkaMessageListenerContainer<String, String> survivor = container(topic, group, new AtomicBoolean(false),
                new AtomicInteger(Integer.MAX_VALUE));
        // the doomed consumer starts first and has applied a batch before the second joins, so it still holds
        // partitions with work left when the group rebalances, however slowly the machine runs
        doomed.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> doomedBudget.get() < 5);
        survivor.start();
        await().atMost(Duration.ofSeconds(60)).untilTrue(killed);
        doomed.stop();
        awaitConsumed(group, topic);
        survivor.stop();

        assertThat(states(refs)).isEqualTo(reference);
        assertThat(reference.values()).allSatisfy(state -> assertThat(state).isNotEmpty());
    }

    /**
     * A consumer running the production handler; after {@code batchesBeforeKill} batches it applies one more batch
     * without committing it, marks itself killed, and from then on neither applies nor commits anything.
     */
    private KafkaMessageListenerContainer<String, String> container(String topic, String group, AtomicBoolean killed,
            AtomicInteger batchesBeforeKill) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getProducerFactory().getConfigurationProperties().get("bootstrap.servers"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
        DefaultKafkaConsumerFactory<String, String> consumers = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new StringDeserializer());
        ContainerProperties properties = new ContainerProperties(topic);
        properties.setGroupId(group);
        properties.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        properties.setMessageListener((BatchAcknowledgingMessageListener<String, String>) (batch, ack) -> {
            if (killed.get()) {
                return;
            }
            handler.handle(batch);
            if (batchesBeforeKill.decrementAndGet() < 0) {
                killed.set(true);
                return;
            }
            ack.acknowledge();
        });
        return new KafkaMessageListenerContainer<>(consumers, properties);
    }

    private void awaitConsumed(String group, String topic) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            ends.forEach((partition, end) -> {
                var at = committed.get(partition);
                assertThat(at == null ? 0 : at.offset()).as("committed offset of %s", partition)
                        .isEqualTo(end.offset());
            });
        });
    }

    /** Bay readings out of order and repeated, lot counts, flows sent twice: about 2,000 records. */
    private List<ProducerRecord<String, String>> events(String topic, List<Segment> segments, List<Lot> lots) {
        SplittableRandom random = new SplittableRandom(42);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Segment segment = segments.get(random.nextInt(segments.size()));
            var bay = segment.bays().get(random.nextInt(segment.bays().size()));
            Instant at = T0.plusSeconds(random.nextInt(1200));
            add(records, topic, segment.id().value(), new BayStatus(segment.operator(), bay.id(), random.nextBoolean(),
                    at, SensorId.of("MAG-SO"), (long) random.nextInt(3), random.nextInt(10) == 0), random);
        }
        for (int i = 0; i < 400; i++) {
            Lot lot = lots.get(random.nextInt(lots.size()));
            Instant at = T0.plusSeconds(random.nextInt(1200));
            int capacity = lot.capacity().count(SpaceCategory.GENERAL);
            OccupancyEvent event = random.nextInt(8) == 0
                    ? new LotCount(lot.operator(), lot.id(), at, Map.of(SpaceCategory.GENERAL,
                    random.nextInt(capacity + 1)), Map.of(), false, null)
                    : new LotFlow(lot.operator(), lot.id(), at, "so-" + i, Map.of(SpaceCategory.GENERAL,
                    random.nextInt(4)), Map.of(SpaceCategory.GENERAL, random.nextInt(4)));
            add(records, topic, lot.id().value(), event, random);
        }
        return records;
    }

    private void add(List<ProducerRecord<String, String>> records, String topic, String key, OccupancyEvent event,
            SplittableRandom random) {
        ProducerRecord<String, String> signed = SignedRecords.signed(signatures, key, event);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, key, signed.value(),
                signed.headers());
        records.add(record);
        if (random.nextInt(5) == 0) {
            records.add(record);
        }
    }

    private Map<PlaceRef, Map<String, Object>> states(List<PlaceRef> refs) {
        Map<PlaceRef, Map<String, Object>> states = new LinkedHashMap<>();
        for (PlaceRef ref : refs) {
            String dump = store.dump(ref).block();
            Map<String, Object> state = new LinkedHashMap<>();
            if (!dump.isEmpty()) {
                var node = JSON.readTree(dump);
                state.put("hash", pairs(node.get("h")));
                state.put("flows", pairs(node.get("f")));
            }
            states.put(ref, state);
        }
        return states;
    }

    private static Map<String, String> pairs(tools.jackson.databind.JsonNode array) {
        Map<String, String> pairs = new java.util.TreeMap<>();
        if (array != null && array.isArray()) {
            for (int i = 0; i + 1 < array.size(); i += 2) {
                pairs.put(array.get(i).asString(), array.get(i + 1).asString());
            }
        }
        return pairs;
    }
}
