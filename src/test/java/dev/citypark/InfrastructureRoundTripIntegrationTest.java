package dev.citypark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.citypark.security.TestCallers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The foundation works end to end on real servers, on reactive threads, with BlockHound armed: PostgreSQL through
 * R2DBC (with the Flyway schema), Redis through Lettuce, Kafka through the template and a consumer, and the health
 * endpoint that reports all three.
 */
@CityparkIntegrationTest
class InfrastructureRoundTripIntegrationTest {

    @Autowired
    DatabaseClient database;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    WebTestClient web;

    @Test
    void roundTripsPostgresThroughR2dbc() {
        String key = "rt-" + UUID.randomUUID();
        Mono<String> roundTrip = database.sql("INSERT INTO outbox (topic, message_key, event_type, payload, published_at) "
                        + "VALUES ('none', :key, 'RoundTrip', '{\"ok\":true}'::json, now())")
                .bind("key", key)
                .then()
                .then(database.sql("SELECT payload->>'ok' AS ok FROM outbox WHERE message_key = :key")
                        .bind("key", key)
                        .map(row -> row.get("ok", String.class))
                        .one());

        StepVerifier.create(roundTrip).expectNext("true").verifyComplete();
    }

    @Test
    void roundTripsRedisThroughLettuce() {
        String key = "{rt}:" + UUID.randomUUID();
        Mono<Map<Object, Object>> roundTrip = redis.opsForHash().putAll(key, Map.of("free", "12", "capacity", "40"))
                .then(redis.opsForHash().entries(key).collectMap(Map.Entry::getKey, Map.Entry::getValue));

        StepVerifier.create(roundTrip)
                .assertNext(hash -> assertThat(hash).containsEntry("free", "12").containsEntry("capacity", "40"))
                .verifyComplete();
    }

    @Test
    void roundTripsKafkaThroughBroker() {
        String key = UUID.randomUUID().toString();
        Mono<Long> sent = Mono.fromFuture(() -> kafka.send(TestTopics.ROUND_TRIP, key, "{\"hello\":\"kafka\"}"))
                .map(result -> result.getRecordMetadata().offset());

        StepVerifier.create(sent).assertNext(offset -> assertThat(offset).isNotNegative()).verifyComplete();
        List<String> values = TestTopics.readValuesForKey(kafka, TestTopics.ROUND_TRIP, key, Duration.ofSeconds(20));
        assertThat(values).containsExactly("{\"hello\":\"kafka\"}");
    }

    @Test
    void healthIsUpWithDbRedisAndKafkaComponents() {
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsAndOpenApi() {
        web.get().uri("/actuator/prometheus").headers(TestCallers.admin()).exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body).contains("citypark_outbox_published"));
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").exists()
                .jsonPath("$.info.title").isEqualTo("citypark API");
    }
}
