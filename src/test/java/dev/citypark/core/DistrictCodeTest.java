package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DistrictCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"370000", "370200", "370202", "370211", "370281", "110101", "650100", "710000", "810000",
            "820000", "150000", "540000"})
    void acceptsCodesUnderAProvinceLevelPrefix(String code) {
        assertThat(DistrictCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "100000", "160000", "200000", "240000", "380000", "470000", "550000", "600000",
            "660000", "700000", "720000", "800000", "830000", "990000"})
    void rejectsPrefixesThatAreNoProvince(String code) {
        assertThatThrownBy(() -> DistrictCode.of(code))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("districtCode");
                    assertThat(e.getMessage()).contains("province-level");
                });
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"37020", "3702021", "37020a", " 370202", "370202 ", "３７０２０２", "37-202", "+37020"})
    void rejectsAnythingButSixAsciiDigits(String code) {
        assertThatThrownBy(() -> DistrictCode.of(code))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("districtCode");
                    assertThat(e.getMessage()).contains("six digits");
                });
    }

    @Test
    void navigatesToProvinceAndPrefecture() {
        DistrictCode shinan = DistrictCode.of("370202");
        assertThat(shinan.provinceCode()).isEqualTo("37");
        assertThat(shinan.province()).isEqualTo(DistrictCode.of("370000"));
        assertThat(shinan.prefecture()).isEqualTo(DistrictCode.of("370200"));
        assertThat(shinan.isProvinceLevel()).isFalse();
        assertThat(shinan.isPrefectureLevel()).isFalse();
        assertThat(DistrictCode.of("370200").isPrefectureLevel()).isTrue();
        assertThat(DistrictCode.of("370000").isProvinceLevel()).isTrue();
        assertThat(DistrictCode.of("370000").isPrefectureLevel()).isFalse();
    }

    @Test
    void equalityAndToStringAreByValue() {
        assertThat(DistrictCode.of("370212")).isEqualTo(new DistrictCode("370212")).hasToString("370212");
    }
}
