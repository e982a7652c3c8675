package dev.citypark.registry.web;

import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorTest {

    @Test
    void roundTripsAndIsUrlSafe() {
        String fingerprint = PageCursor.fingerprint("lots|120.3,36.0,120.4,36.1||||wgs84");
        PageCursor cursor = new PageCursor("lots", fingerprint, "QD-L-00042");
        String encoded = cursor.encode();
        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(encoded).doesNotContain("QD-L");
        assertThat(PageCursor.decode(encoded, "lots", fingerprint)).isEqualTo(cursor);
    }

    @Test
    void fingerprintIsStableAndDistinguishesQueries() {
        assertThat(PageCursor.fingerprint("a")).isEqualTo(PageCursor.fingerprint("a")).hasSize(12);
        assertThat(PageCursor.fingerprint("a")).isNotEqualTo(PageCursor.fingerprint("b"));
    }

    @Test
    void refusesCursorsOfAnotherListOrQuery() {
        String encoded = new PageCursor("lots", "abc", "QD-L-00042").encode();
        assertInvalid(() -> PageCursor.decode(encoded, "segments", "abc"));
        assertInvalid(() -> PageCursor.decode(encoded, "lots", "abd"));
    }

    @Test
    void refusesGarbage() {
        assertInvalid(() -> PageCursor.decode("not a cursor!", "lots", "abc"));
        assertInvalid(() -> PageCursor.decode("Zm9v", "lots", "abc"));
        assertInvalid(() -> PageCursor.decode("x".repeat(300), "lots", "abc"));
        String empty = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("c1|lots|abc|".getBytes());
        assertInvalid(() -> PageCursor.decode(empty, "lots", "abc"));
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("cursor"));
    }
}
