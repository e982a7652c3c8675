package dev.citypark.session;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocateCodeTest {

    @Test
    void issuesSixCharactersWithoutLookAlikes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = LocateCode.issue();
            assertThat(code).matches("[2-9A-HJKMNP-Z]{6}");
            codes.add(code);
        }
        assertThat(codes).hasSizeGreaterThan(990);
    }

    @Test
    void normalisesWhatTheDriverTyped() {
        assertThat(LocateCode.normalise(" k7m2q9 ")).contains("K7M2Q9");
        assertThat(LocateCode.normalise("K7M2Q")).isEmpty();
        assertThat(LocateCode.normalise("K7M2Q0")).isEmpty();
        assertThat(LocateCode.normalise("K7M2QI")).isEmpty();
        assertThat(LocateCode.normalise(null)).isEmpty();
    }

    @Test
    void hashesWithTheSessionAsSalt() {
        SessionId one = SessionId.random();
        SessionId two = SessionId.random();
        assertThat(LocateCode.hash(one, "K7M2Q9")).hasSize(64).isEqualTo(LocateCode.hash(one, "K7M2Q9"))
                .isNotEqualTo(LocateCode.hash(two, "K7M2Q9"));
        assertThat(LocateCode.sameHash(LocateCode.hash(one, "K7M2Q9"), LocateCode.hash(one, "K7M2Q9"))).isTrue();
        assertThat(LocateCode.sameHash(LocateCode.hash(one, "K7M2Q9"), LocateCode.hash(one, "K7M2Q8"))).isFalse();
    }
}
