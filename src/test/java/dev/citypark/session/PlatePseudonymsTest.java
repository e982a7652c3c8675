package dev.citypark.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlatePseudonymsTest {

    @Test
    void keyedPseudonymIsStablePerPlateAndKeyAndHidesThePlate() {
        PlatePseudonyms one = new PlatePseudonyms("key-one");
        String pseudonym = one.pseudonym("鲁B12345");
        assertThat(pseudonym).matches("anon:[0-9a-f]{32}").doesNotContain("12345");
        assertThat(one.pseudonym("鲁B12345")).isEqualTo(pseudonym);
        assertThat(one.pseudonym("鲁B12346")).isNotEqualTo(pseudonym);
        assertThat(new PlatePseudonyms("key-two").pseudonym("鲁B12345")).isNotEqualTo(pseudonym);
        assertThat(PlatePseudonyms.isPseudonym(pseudonym)).isTrue();
        assertThat(PlatePseudonyms.isPseudonym("鲁B12345")).isFalse();
    }

    @Test
    void withoutAKeyEveryPlateBecomesTheSameUnlinkableValue() {
        PlatePseudonyms none = new PlatePseudonyms("");
        assertThat(none.pseudonym("鲁B12345")).isEqualTo("anon").isEqualTo(none.pseudonym("京A88888"));
    }
}
