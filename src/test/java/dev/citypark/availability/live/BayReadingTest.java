package dev.citypark.availability.live;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bay state format the apply script writes: {@code occupied|sinceMs|observedAtMs|sequence|category|resent}. */
class BayReadingTest {

    @Test
    void parsesEveryPart() {
        BayReading reading = BayReading.parse("1|1700000000000|1700000005000|42|3|0");

        assertThat(reading).isEqualTo(new BayReading(true, Instant.ofEpochMilli(1700000000000L),
                Instant.ofEpochMilli(1700000005000L), 42, 3, false));
        assertThat(BayReading.parse("0|1|2|-1|1|1")).isEqualTo(new BayReading(false, Instant.ofEpochMilli(1),
                Instant.ofEpochMilli(2), -1, 1, true));
    }

    @Test
    void readsOnlyAnExactOneAsTrueAndIgnoresLaterParts() {
        assertThat(BayReading.parse("11|1|2|3|1|10").occupied()).isFalse();
        assertThat(BayReading.parse("11|1|2|3|1|10").resent()).isFalse();
        assertThat(BayReading.parse("1|1|2|3|1|1|extra").resent()).isTrue();
    }

    @Test
    void rejectsAMalformedState() {
        assertThatThrownBy(() -> BayReading.parse("1|2|3")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> BayReading.parse("1|x|2|3|1|0")).isInstanceOf(IllegalStateException.class);
    }
}
