package dev.citypark.analytics.sessions;

import java.time.Instant;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionFactTest {

    private static final String CLOSED = "{\"type\":\"SessionClosed\",\"eventId\":\"6f1c1a52-6a4c-4b59-9f52-1e4b1c1d2e3f\","
            + "\"sessionId\":\"0b6f6a52-6a4c-4b59-9f52-1e4b1c1d2e3f\",\"placeKind\":\"LOT\",\"placeId\":\"QD-L-00001\","
            + "\"operatorId\":\"OP-GAR-01\",\"districtCode\":\"370202\",\"bayId\":null,\"gateId\":\"QD-L-00001-G2\","
            + "\"plate\":\"鲁B12345\",\"plateColour\":\"BLUE\",\"category\":\"GENERAL\","
            + "\"occurredAt\":\"2026-03-02T03:30:00Z\",\"entryAt\":\"2026-03-02T01:00:00Z\","
            + "\"exitAt\":\"2026-03-02T03:30:00Z\",\"feeFen\":1500,\"paidFen\":null,\"settlement\":null}";

    private final PlateHasher hasher = new PlateHasher("a-test-key-of-sufficient-length");

    @Test
    void keepsTheFactsAndOnlyAKeyedHashOfThePlate() {
        SessionFact fact = SessionFact.parse(CLOSED, hasher);

        assertThat(fact.durationSeconds()).isEqualTo(9000);
        assertThat(fact.feeFen()).isEqualTo(1500);
        assertThat(fact.exitAt()).isEqualTo(Instant.parse("2026-03-02T03:30:00Z"));
        assertThat(fact.plateHash()).matches("[0-9a-f]{64}").doesNotContain("12345");
        assertThat(fact.toString()).doesNotContain("12345");
    }

    @Test
    void theSamePlateHashesAlikeUnderOneKeyAndDifferentlyUnderAnother() {
        String a = SessionFact.parse(CLOSED, hasher).plateHash();
        String b = SessionFact.parse(CLOSED.replace("鲁B 12345", "鲁B12345"), hasher).plateHash();
        String other = SessionFact.parse(CLOSED, new PlateHasher("another-key-of-sufficient-length")).plateHash();

        assertThat(a).isEqualTo(b).isNotEqualTo(other);
    }

    @Test
    void refusesSomethingElse() {
        assertThatThrownBy(() -> SessionFact.parse("{\"type\":\"SessionClosed\"}", hasher))
                .isInstanceOf(InvalidValueException.class);
    }
}
