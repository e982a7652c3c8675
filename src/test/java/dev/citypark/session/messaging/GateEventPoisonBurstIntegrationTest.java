package dev.citypark.session.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.session.SessionTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression: a burst of unsigned records on one partition is dead-lettered at consumer speed. The error handler used
 * to seek back and poll again after every poison record, which stalled a partition at a few records per second (the
 * hostile-input campaign dead-lettered 176 of 500 records in 90 s).
 */
@CityparkIntegrationTest
class GateEventPoisonBurstIntegrationTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void deadLettersABurstOfPoisonOnOnePartitionQuickly() throws Exception {
        String prefix = "burst-" + UUID.randomUUID() + "-";
        int burst = 300;
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            // one partition: the worst case, every record after the first waits behind the ones before
            sent.add(kafka.send(SessionTopics.GATE_EVENTS, 0, prefix + i, "{\"unsigned\":" + i + "}"));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        List<ConsumerRecord<String, String>> dead = KafkaReads.read(kafka, SessionTopics.GATE_EVENTS_DLT,
                record -> record.key() != null && record.key().startsWith(prefix), burst, Duration.ofSeconds(60));

        assertThat(dead).extracting(ConsumerRecord::key).doesNotHaveDuplicates().hasSize(burst);
        assertThat(dead).allSatisfy(record ->
                assertThat(KafkaReads.header(record, "citypark-dlt-reason")).startsWith("signature: unsigned"));
    }
}
