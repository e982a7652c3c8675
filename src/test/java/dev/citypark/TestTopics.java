package dev.citypark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/** Topics only the tests use, declared like the application's own so startup creates them and waits for leaders. */
@TestConfiguration(proxyBeanMethods = false)
public class TestTopics {

    public static final String ROUND_TRIP = "citypark.test.round-trip.v1";
    public static final String OUTBOX = "citypark.test.outbox.v1";

    @Bean
    NewTopic roundTripTopic() {
        return TopicBuilder.name(ROUND_TRIP).partitions(3).replicas(1).build();
    }

    @Bean
    NewTopic outboxTestTopic() {
        return TopicBuilder.name(OUTBOX).partitions(3).replicas(1).build();
    }

    /**
     * Reads a topic from the beginning with a throw-away consumer (on the test thread, not a reactive one) until the
     * given key has appeared and the topic has been read to its end, or the timeout passes.
     */
    public static List<String> readValuesForKey(KafkaTemplate<String, String> template, String topic, String key,
            Duration timeout) {
        Map<String, Object> config = new java.util.HashMap<>(template.getProducerFactory().getConfigurationProperties());
        config.keySet().removeIf(k -> k.startsWith("key.serializer") || k.startsWith("value.serializer")
                || k.equals("acks") || k.startsWith("enable.idempotence") || k.equals("linger.ms")
                || k.startsWith("delivery.timeout") || k.equals("max.block.ms") || k.equals("client.id"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            boolean seen = false;
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, String> record : records) {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                        seen = true;
                    }
                }
                if (seen && records.isEmpty()) {
                    break;
                }
            }
        }
        return values;
    }
}
