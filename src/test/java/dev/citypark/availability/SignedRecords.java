package dev.citypark.availability;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.citypark.core.OperatorId;
import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.occupancy.OccupancyEvents;
import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.security.RecordSignatures;
import dev.citypark.security.TestCallers;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Occupancy records as a dev operator's gateway sends them: signed with the operator's dev API key. */
public final class SignedRecords {

    private static final Map<OperatorId, String> KEY_IDS = Map.of(
            TestCallers.OPERATOR_1, TestCallers.OPERATOR_1_KEY_ID,
            TestCallers.OPERATOR_2, TestCallers.OPERATOR_2_KEY_ID,
            TestCallers.OPERATOR_3, TestCallers.OPERATOR_3_KEY_ID);

    private SignedRecords() {
    }

    /** The event for its place, signed by its own operator (which must be one of the dev operators). */
    public static ProducerRecord<String, String> signed(RecordSignatures signatures, String key, OccupancyEvent event) {
        return signedBy(signatures, key, OccupancyEvents.write(event), event.operatorId());
    }

    /** Any value, signed by the dev key of {@code signer}. */
    public static ProducerRecord<String, String> signedBy(RecordSignatures signatures, String key, String value,
            OperatorId signer) {
        ProducerRecord<String, String> record = new ProducerRecord<>(OccupancyTopics.OCCUPANCY, key, value);
        String keyId = KEY_IDS.get(signer);
        if (keyId == null) {
            throw new IllegalArgumentException("no dev API key for operator " + signer);
        }
        signatures.sign(record.headers(), keyId, value.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
