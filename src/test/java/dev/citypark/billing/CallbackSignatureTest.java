package dev.citypark.billing;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Callback signatures: the right key over the exact body, fresh, else refused. */
class CallbackSignatureTest {

    private static final Instant NOW = Instant.parse("2025-03-03T01:00:00Z");
    private static final String BODY = "{\"paymentId\":\"x\"}";
    private final CallbackSignature signature = new CallbackSignature("secret-1", Duration.ofMinutes(5));

    @Test
    void acceptsItsOwnSignature() {
        assertThat(signature.verify(BODY, signature.sign(BODY, NOW), NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void refusesAnotherKeyAnotherBodyAndGarbage() {
        String header = new CallbackSignature("secret-2", Duration.ofMinutes(5)).sign(BODY, NOW);

        assertThat(signature.verify(BODY, header, NOW)).isFalse();
        assertThat(signature.verify(BODY + " ", signature.sign(BODY, NOW), NOW)).isFalse();
        assertThat(signature.verify(BODY, "t=abc,v1=zz", NOW)).isFalse();
        assertThat(signature.verify(BODY, "v1=00", NOW)).isFalse();
        assertThat(signature.verify(BODY, null, NOW)).isFalse();
    }

    @Test
    void refusesAStaleOrFutureTimestamp() {
        String header = signature.sign(BODY, NOW);

        assertThat(signature.verify(BODY, header, NOW.plus(Duration.ofMinutes(6)))).isFalse();
        assertThat(signature.verify(BODY, header, NOW.minus(Duration.ofMinutes(6)))).isFalse();
    }

    @Test
    void refusesEverythingWithoutASecret() {
        CallbackSignature none = new CallbackSignature("", Duration.ofMinutes(5));

        assertThat(none.isConfigured()).isFalse();
        assertThat(none.verify(BODY, signature.sign(BODY, NOW), NOW)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> none.sign(BODY, NOW))
                .isInstanceOf(IllegalStateException.class);
    }
}
