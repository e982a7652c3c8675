package dev.citypark.availability.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.availability.PlaceRef;
import dev.citypark.availability.SignedRecords;
import dev.citypark.availability.cluster.LocalRedisCluster;
import dev.citypark.availability.live.LiveKeys;
import dev.citypark.availability.live.LiveStore;
import dev.citypark.availability.live.LiveView;
import dev.citypark.core.SensorId;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.IngestCounters;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.LotFlow;
import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.occupancy.OccupancyProperties;
import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.occupancy.OccupancyValidator;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.security.RecordSignatures;
import dev.citypark.security.TestCallers;
import io.lettuce.core.cluster.SlotHash;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest against a three-master Redis Cluster started from the embedded-redis binary on loopback: the apply,
 * dump and restore scripts run on whichever master owns a place's slot (all of a place's keys share its hash tag),
 * reads of many places are pipelined across the masters, counters and change announcements work, and Boot switches
 * Lettuce to cluster mode when {@code spring.data.redis.cluster.nodes} is set.
 */
@CityparkIntegrationTest
class RedisClusterIngestIntegrationTest {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(300);
    private static LocalRedisCluster cluster;

    @Autowired
    OccupancyValidator validator;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RecordSignatures signatures;

    @Autowired
    OccupancyProperties occupancyProperties;

    @Autowired
    AvailabilityProperties availabilityProperties;

    @Autowired
    Registry registry;

    @BeforeAll
    static void startCluster() {
        cluster = LocalRedisCluster.start(3);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void ingestsIntoAThreeMasterCluster() {
        LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisClusterConfiguration(cluster.nodes()));
        factory.afterPropertiesSet();
        factory.start();
        try {
            ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(factory);
            LiveStore store = new LiveStore(redis, availabilityProperties);
            IngestCounters counters = new IngestCounters(redis, new SimpleMeterRegistry());
            OccupancyBatchHandler handler = new OccupancyBatchHandler(validator, store, counters, kafka, signatures,
                    occupancyProperties, new HistoryPublisher(store, availabilityProperties, validator, registry,
                            kafka));
            List<Segment> segments = registry.snapshot().listSegmentsIntersecting(new Envelope(-180, 180, -90, 90))
                    .stream().filter(s -> s.operator().equals(TestCallers.OPERATOR_3) && s.bays().size() >= 3)
                    .limit(12).toList();
            List<Lot> lots = registry.snapshot().listLots(null, l -> l.operator().equals(TestCallers.OPERATOR_1)
                    && l.indoorModel() == null && l.capacity().count(SpaceCategory.GENERAL) >= 20, null, 6);
            List<PlaceRef> refs = new ArrayList<>();
            segments.forEach(s -> refs.add(PlaceRef.segment(s.id().value())));
            lots.forEach(l -> refs.add(PlaceRef.lot(l.id().value())));
            Set<Integer> masters = new HashSet<>();
            refs.forEach(ref -> masters.add(SlotHash.getSlot(LiveKeys.place(ref)) * 3 / 16384));
            assertThat(masters).as("the places' slots are spread over all three masters").hasSize(3);

            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            for (Segment segment : segments) {
                records.add(record(segment.id().value(), new BayStatus(segment.operator(), segment.bays().get(0).id(),
                        true, T0, SensorId.of("MAG-C"), null, false)));
                records.add(record(segment.id().value(), new BayStatus(segment.operator(), segment.bays().get(1).id(),
                        false, T0, SensorId.of("MAG-C"), null, false)));
                records.add(record(segment.id().value(), new BayStatus(segment.operator(), segment.bays().get(0).id(),
                        false, T0.minusSeconds(5), SensorId.of("MAG-C"), null, false)));
            }
            for (Lot lot : lots) {
                records.add(record(lot.id().value(), new LotCount(lot.operator(), lot.id(), T0,
                        Map.of(SpaceCategory.GENERAL, 10), Map.of(), false, null)));
                ConsumerRecord<String, String> flow = record(lot.id().value(), new LotFlow(lot.operator(), lot.id(),
                        T0.plusSeconds(1), UUID.randomUUID().toString(), Map.of(SpaceCategory.GENERAL, 4), Map.of()));
                records.add(flow);
                records.add(flow);
            }
            handler.handle(records);

            LiveView view = new LiveView(availabilityProperties);
            Map<PlaceRef, Map<String, String>> hashes = store.read(refs).block();
            Instant now = Instant.now();
            for (Segment segment : segments) {
                PlaceAvailability read = view.place(validator.findPlace(segment.id().value()).orElseThrow(),
                        hashes.get(PlaceRef.segment(segment.id().value())), now);
                assertThat(read.occupied()).isEqualTo(1);
                assertThat(read.free()).isEqualTo(1);
            }
            for (Lot lot : lots) {
                PlaceAvailability read = view.place(validator.findPlace(lot.id().value()).orElseThrow(),
                        hashes.get(PlaceRef.lot(lot.id().value())), now);
                assertThat(read.categories().get(SpaceCategory.GENERAL).free()).isEqualTo(6);
            }
            assertThat(counters.forOperator(TestCallers.OPERATOR_1).block())
                    .containsEntry("applied", 12L).containsEntry("ignored.duplicate", 6L);
            assertThat(counters.forOperator(TestCallers.OPERATOR_3).block())
                    .containsEntry("applied", 24L).containsEntry("ignored.older", 12L);

            PlaceRef first = refs.get(0);
            String dump = store.dump(first).block();
            store.restore(first, "").block();
            assertThat(store.read(first).block()).isEmpty();
            store.restore(first, dump).block();
            assertThat(store.read(first).block()).isEqualTo(hashes.get(first));
        }
        finally {
            factory.destroy();
        }
    }

    @Test
    void bootConfiguresLettuceForTheClusterWhenNodesAreGiven() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
                .withPropertyValues("spring.data.redis.cluster.nodes=" + String.join(",", cluster.nodes()))
                .run(context -> {
                    LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
                    assertThat(factory.getClusterConfiguration()).isNotNull();
                    assertThat(factory.getClusterConfiguration().getClusterNodes()).hasSize(3);
                    assertThat(Optional.ofNullable(factory.getConnection().ping())).contains("PONG");
                });
    }

    private ConsumerRecord<String, String> record(String key, OccupancyEvent event) {
        ProducerRecord<String, String> signed = SignedRecords.signed(signatures, key, event);
        return new ConsumerRecord<>(OccupancyTopics.OCCUPANCY, 0, 0L, System.currentTimeMillis(),
                TimestampType.CREATE_TIME, key.getBytes(StandardCharsets.UTF_8).length,
                signed.value().getBytes(StandardCharsets.UTF_8).length, key, signed.value(), signed.headers(),
                Optional.empty());
    }
}
