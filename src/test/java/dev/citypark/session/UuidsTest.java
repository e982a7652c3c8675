package dev.citypark.session;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Ids are random version-4 UUIDs of the IETF variant, and do not repeat. */
class UuidsTest {

    @Test
    void generatesDistinctVersion4Uuids() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = Uuids.random();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
        assertThat(UUID.fromString(Uuids.random().toString()).version()).isEqualTo(4);
    }
}
