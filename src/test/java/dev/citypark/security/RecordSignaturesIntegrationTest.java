package dev.citypark.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.TestTopics;
import dev.citypark.core.OperatorId;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** Gateway records signed with an API key's signing secret verify as that key's operator, and nothing else does. */
@CityparkIntegrationTest
class RecordSignaturesIntegrationTest {

    static final byte[] PAYLOAD = "{\"lotId\":\"L-1\",\"free\":12}".getBytes(StandardCharsets.UTF_8);

    @Autowired
    RecordSignatures signatures;

    @Autowired
    WebTestClient web;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void recordSignedWithADevKeyVerifiesAsItsOperator() {
        RecordHeaders headers = new RecordHeaders();
        signatures.sign(headers, TestCallers.OPERATOR_1_KEY_ID, PAYLOAD);

        StepVerifier.create(signatures.verify(headers, PAYLOAD))
                .expectNext(TestCallers.OPERATOR_1)
                .verifyComplete();
    }

    @Test
    void unsignedForgedTamperedAndMalformedRecordsAreRefusedWithAReason() {
        RecordHeaders signed = new RecordHeaders();
        signatures.sign(signed, TestCallers.OPERATOR_1_KEY_ID, PAYLOAD);
        RecordHeaders forged = new RecordHeaders();
        RecordSignatures.sign(forged, TestCallers.OPERATOR_1_KEY_ID, "a-guessed-secret", PAYLOAD);
        RecordHeaders otherKey = new RecordHeaders();
        signatures.sign(otherKey, TestCallers.OPERATOR_2_KEY_ID, PAYLOAD);
        RecordHeaders swapped = new RecordHeaders(); // operator 2's signature presented under operator 1's key id
        swapped.add(RecordSignatures.KEY_ID_HEADER, TestCallers.OPERATOR_1_KEY_ID.getBytes(StandardCharsets.UTF_8));
        swapped.add(otherKey.lastHeader(RecordSignatures.SIGNATURE_HEADER));
        RecordHeaders noSignature = new RecordHeaders();
        noSignature.add(RecordSignatures.KEY_ID_HEADER, TestCallers.OPERATOR_1_KEY_ID.getBytes(StandardCharsets.UTF_8));
        RecordHeaders garbage = new RecordHeaders();
        garbage.add(RecordSignatures.KEY_ID_HEADER, TestCallers.OPERATOR_1_KEY_ID.getBytes(StandardCharsets.UTF_8));
        garbage.add(RecordSignatures.SIGNATURE_HEADER, "%%%not base64".getBytes(StandardCharsets.UTF_8));
        RecordHeaders unknownKey = new RecordHeaders();
        signatures.sign(unknownKey, "no-such-key", PAYLOAD);

        assertRefused(signatures.verify(new RecordHeaders(), PAYLOAD), "unsigned record");
        assertRefused(signatures.verify(noSignature, PAYLOAD), "unsigned record");
        assertRefused(signatures.verify(forged, PAYLOAD), "forged record");
        assertRefused(signatures.verify(swapped, PAYLOAD), "forged record");
        assertRefused(signatures.verify(signed, "{\"lotId\":\"L-1\",\"free\":99}".getBytes(StandardCharsets.UTF_8)),
                "forged record");
        assertRefused(signatures.verify(garbage, PAYLOAD), "malformed signature");
        assertRefused(signatures.verify(unknownKey, PAYLOAD), "unknown or revoked");
        assertRefused(signatures.verify(signed, (byte[]) null), "no value");
    }

    @Test
    void gatewaySignsWithTheSecretIssuedWithItsKeyUntilTheKeyIsRevoked() {
        String base = "/api/v1/admin/operators/OP-GAR-03/api-keys";
        @SuppressWarnings("unchecked")
        Map<String, Object> issued = web.post().uri(base).headers(TestCallers.admin()).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String keyId = (String) issued.get("keyId");
        String signingSecret = (String) issued.get("signingSecret");
        assertThat(signingSecret).isNotBlank().isNotEqualTo(issued.get("secret"));

        RecordHeaders headers = new RecordHeaders();
        RecordSignatures.sign(headers, keyId, signingSecret, PAYLOAD);
        StepVerifier.create(signatures.verify(headers, PAYLOAD)).expectNext(OperatorId.of("OP-GAR-03")).verifyComplete();

        web.delete().uri(base + "/" + keyId).headers(TestCallers.admin()).exchange().expectStatus().isNoContent();
        assertRefused(signatures.verify(headers, PAYLOAD), "unknown or revoked");
    }

    @Test
    void signatureSurvivesTheTripThroughKafka() {
        String key = UUID.randomUUID().toString();
        String value = "{\"lotId\":\"L-1\",\"plate\":\"鲁B12345\",\"free\":12}";
        ProducerRecord<String, String> record = new ProducerRecord<>(TestTopics.ROUND_TRIP, key, value);
        signatures.sign(record.headers(), TestCallers.OPERATOR_2_KEY_ID, value.getBytes(StandardCharsets.UTF_8));
        Mono.fromFuture(() -> kafka.send(record)).block(Duration.ofSeconds(20));

        ConsumerRecord<String, String> received = readRecord(TestTopics.ROUND_TRIP, key);

        StepVerifier.create(signatures.verify(received.headers(), received.value()))
                .expectNext(TestCallers.OPERATOR_2)
                .verifyComplete();
    }

    static void assertRefused(Mono<OperatorId> verification, String reason) {
        StepVerifier.create(verification)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(RecordSignatureException.class)
                        .hasMessageContaining(reason)
                        .hasMessageNotContaining("local-dev"))
                .verify();
    }

    ConsumerRecord<String, String> readRecord(String topic, String key) {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getProducerFactory().getConfigurationProperties().get("bootstrap.servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-signature-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("record " + key + " not read back from " + topic);
    }
}
