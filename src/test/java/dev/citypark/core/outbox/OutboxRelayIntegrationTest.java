package dev.citypark.core.outbox;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.TestTopics;
import dev.citypark.core.Outbox;
import dev.citypark.core.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Events appended in a committed transaction reach Kafka in order; a rolled-back transaction leaves no trace. */
@CityparkIntegrationTest
class OutboxRelayIntegrationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    DatabaseClient database;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void publishesCommittedMessagesInOrder() {
        String key = "agg-" + UUID.randomUUID();
        Mono<Void> commit = transactions.transactional(
                outbox.append(new OutboxMessage(TestTopics.OUTBOX, key, "Opened", "{\"seq\":1}"))
                        .then(outbox.append(new OutboxMessage(TestTopics.OUTBOX, key, "Closed", "{\"seq\":2}"))));

        StepVerifier.create(commit).verifyComplete();

        List<String> values = TestTopics.readValuesForKey(kafka, TestTopics.OUTBOX, key, Duration.ofSeconds(20));
        assertThat(values).containsExactly("{\"seq\":1}", "{\"seq\":2}");
        StepVerifier.create(unpublished(key)).expectNext(0L).verifyComplete();
    }

    @Test
    void appendAllWritesItsMessagesInOneStatementInOrder() {
        String key = "agg-" + UUID.randomUUID();
        Mono<Void> commit = transactions.transactional(
                outbox.append(new OutboxMessage(TestTopics.OUTBOX, key, "Opened", "{\"seq\":1}"))
                        .then(outbox.appendAll(List.of(
                                new OutboxMessage(TestTopics.OUTBOX, key, "Closed", "{\"seq\":2}"),
                                new OutboxMessage(TestTopics.OUTBOX, key, "Deferred", "{\"seq\":3}"),
                                new OutboxMessage(TestTopics.OUTBOX, key, "Settled", "{\"seq\":4}"))))
                        .then(outbox.appendAll(List.of())));

        StepVerifier.create(commit).verifyComplete();

        List<String> values = TestTopics.readValuesForKey(kafka, TestTopics.OUTBOX, key, Duration.ofSeconds(20));
        assertThat(values).containsExactly("{\"seq\":1}", "{\"seq\":2}", "{\"seq\":3}", "{\"seq\":4}");
        StepVerifier.create(unpublished(key)).expectNext(0L).verifyComplete();
    }

    @Test
    void rollbackLeavesNothingToPublish() {
        String key = "agg-" + UUID.randomUUID();
        Mono<Void> failing = transactions.transactional(
                outbox.append(new OutboxMessage(TestTopics.OUTBOX, key, "Opened", "{\"seq\":1}"))
                        .then(Mono.error(new IllegalStateException("business rule failed"))));

        StepVerifier.create(failing).expectErrorMessage("business rule failed").verify();

        StepVerifier.create(database.sql("SELECT count(*) AS n FROM outbox WHERE message_key = :key")
                        .bind("key", key).map(row -> row.get("n", Long.class)).one())
                .expectNext(0L)
                .verifyComplete();
        assertThat(TestTopics.readValuesForKey(kafka, TestTopics.OUTBOX, key, Duration.ofSeconds(3))).isEmpty();
    }

    private Mono<Long> unpublished(String key) {
        return database.sql("SELECT count(*) AS n FROM outbox WHERE message_key = :key AND published_at IS NULL")
                .bind("key", key).map(row -> row.get("n", Long.class)).one();
    }
}
