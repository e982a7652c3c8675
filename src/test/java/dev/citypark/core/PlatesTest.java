package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "车辆鲁B12345已入场|车辆鲁B·***45已入场",
            "plate=鲁B12345, bay=QD-1|plate=鲁B·***45, bay=QD-1",
            "鲁B·12345|鲁B·***45",
            "鲁B 12345 exit|鲁B·***45 exit",
            "鲁b12345|鲁B·***45",
            "鲁Ｂ１２３４５入场|鲁B·***45入场",
            "NEV 鲁BD12345 and 鲁B12345F|NEV 鲁B·****45 and 鲁B·****5F",
            "教练车 鲁B1234学|教练车 鲁B·***4学",
            "{\"plate\":\"京A88888\"}|{\"plate\":\"京A·***88\"}"})
    void masksEveryPlateInFreeText(String text, String expected) {
        assertThat(Plates.maskAll(text)).isEqualTo(expected);
    }

    @Test
    void masksMalformedPlatesToo() {
        // I and O never appear on a real plate, but a mistyped one is still personal data
        assertThat(Plates.maskAll("input 鲁BO1234 refused")).isEqualTo("input 鲁B·***34 refused");
    }

    @Test
    void masksSeveralPlatesInOneText() {
        assertThat(Plates.maskAll("鲁B12345 鲁U54321 粤BD99999"))
                .isEqualTo("鲁B·***45 鲁U·***21 粤B·****99");
    }

    @Test
    void leavesTextWithoutPlatesAlone() {
        String text = "session 42 for bay QD-SN-0001 at 36.0671,120.3826 cost ¥12.50; 新区 A 座 12 号";
        assertThat(Plates.maskAll(text)).isSameAs(text);
        assertThat(Plates.containsPlateLike(text)).isFalse();
    }

    @Test
    void isIdempotent() {
        String once = Plates.maskAll("鲁B12345 and 鲁BD12345");
        assertThat(Plates.maskAll(once)).isEqualTo(once);
        assertThat(Plates.containsPlateLike(once)).isFalse();
    }

    @Test
    void reportsPlateLikeText() {
        assertThat(Plates.containsPlateLike("car 鲁B12345")).isTrue();
        assertThat(Plates.containsPlateLike(null)).isFalse();
    }

    @Test
    void passesNullThrough() {
        assertThat(Plates.maskAll(null)).isNull();
    }

    @Test
    void neverLeavesADollarOrBackslashUnescaped() {
        assertThat(Plates.maskAll("$1 \\ 鲁B12345 $2")).isEqualTo("$1 \\ 鲁B·***45 $2");
    }
}
