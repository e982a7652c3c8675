package dev.citypark.registry;

import java.time.Instant;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LotChangedTest {

    @Test
    void roundTripsThroughJson() {
        LotChanged event = new LotChanged(LotChanged.randomEventId(), LotId.of("QD-L-00001"),
                OperatorId.of("OP-GAR-01"), "370202", 4, Instant.parse("2025-03-03T01:00:00Z"));
        assertThat(event.toJson()).contains("\"type\":\"LotChanged\"", "\"version\":4");
        assertThat(LotChanged.fromJson(event.toJson())).isEqualTo(event);
    }

    @Test
    void eventIdsAreVersionFourUuids() {
        String id = LotChanged.randomEventId();
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(4);
        assertThat(LotChanged.randomEventId()).isNotEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "{}", "{\"type\":\"SessionOpened\"}",
            "{\"type\":\"LotChanged\",\"eventId\":\"e\",\"lotId\":\"QD-L-1\",\"operatorId\":\"OP-1\","
                    + "\"districtCode\":\"370202\",\"version\":1}",
            "{\"type\":\"LotChanged\",\"eventId\":\"e\",\"lotId\":\"QD-L-1\",\"operatorId\":\"OP-1\","
                    + "\"districtCode\":\"370202\",\"version\":1,\"occurredAt\":\"yesterday\"}",
            "{\"type\":\"LotChanged\",\"eventId\":\"e\",\"lotId\":\"QD-L-1\",\"operatorId\":\"OP-1\","
                    + "\"districtCode\":\"370202\",\"occurredAt\":\"2025-03-03T01:00:00Z\"}"})
    void refusesOtherTexts(String text) {
        assertThatThrownBy(() -> LotChanged.fromJson(text)).isInstanceOf(InvalidValueException.class);
    }
}
