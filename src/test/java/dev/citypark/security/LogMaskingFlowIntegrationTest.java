package dev.citypark.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.availability.KafkaTestReader;
import dev.citypark.core.Plate;
import dev.citypark.registry.Registry;
import dev.citypark.session.CityFixtures;
import dev.citypark.session.SessionTopics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real flows that log plates — an exit without an entry over REST (the session module logs the anomaly) and a gate
 * record refused on Kafka (the error handler logs the failed record) — leave only masked plates in the captured log.
 */
@CityparkIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingFlowIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RecordSignatures signatures;

    @Test
    void flowsThatLogPlatesWriteThemMasked(CapturedOutput output) throws Exception {
        CityFixtures.GatedLot lot = CityFixtures.lotOf(registry, TestCallers.OPERATOR_1, "QD-T1-CORE");
        String restPlate = CityFixtures.freshPlate();
        String kafkaPlate = CityFixtures.freshPlate();

        web.post().uri("/api/v1/operator/gate-events").headers(TestCallers.operator1())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lotId", lot.id(), "gateId", lot.exitGate(), "direction", "EXIT",
                        "plate", restPlate, "plateColour", "BLUE", "observedAt", Instant.now().toString()))
                .exchange().expectStatus().isOk();
        String key = "log-masking-" + kafkaPlate.hashCode();
        String value = "{\"lotId\":\"" + lot.id() + "\",\"gateId\":\"" + lot.entryGate() + "\",\"direction\":\"ENTRY\","
                + "\"plate\":\"" + kafkaPlate + "\",\"plateColour\":\"BLUE\",\"observedAt\":\"" + Instant.now() + "\"}";
        ProducerRecord<String, String> record = new ProducerRecord<>(SessionTopics.GATE_EVENTS, key, value);
        signatures.sign(record.headers(), TestCallers.OPERATOR_2_KEY_ID, value.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get();
        assertThat(KafkaTestReader.read(kafka, SessionTopics.GATE_EVENTS_DLT, r -> key.equals(r.key()), 1,
                Duration.ofSeconds(60))).as("the refused record was dead-lettered").hasSize(1);

        String masked = Plate.of(restPlate).toString();
        assertThat(output.getOut()).contains(masked); // the anomaly was logged, masked
        assertThat(output.getOut() + output.getErr())
                .doesNotContain(restPlate, restPlate.substring(1), kafkaPlate, kafkaPlate.substring(1));
    }
}
