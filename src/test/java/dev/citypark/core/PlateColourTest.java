package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateColourTest {

    @ParameterizedTest
    @CsvSource({"blue,BLUE", "BLUE,BLUE", "Blue,BLUE", "' yellow ',YELLOW", "green,GREEN", "white,WHITE",
            "black,BLACK", "蓝,BLUE", "蓝色,BLUE", "蓝牌,BLUE", "蓝色牌,BLUE", "藍,BLUE", "黄,YELLOW", "黃色,YELLOW",
            "绿,GREEN", "绿牌,GREEN", "黄绿,GREEN", "黄绿色,GREEN", "白,WHITE", "白色,WHITE", "黑,BLACK", "黑牌,BLACK"})
    void parsesEnglishAndChineseNames(String text, PlateColour expected) {
        assertThat(PlateColour.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"red", "红", "blu", "色", "蓝蓝", "\u0412lue", " "})
    void rejectsAnythingElseNamingTheField(String text) {
        assertThatThrownBy(() -> PlateColour.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("plateColour");
                    assertThat(e.getMessage()).contains("blue/蓝").contains("black/黑");
                });
    }

    @ParameterizedTest
    @CsvSource({"BLUE,蓝", "YELLOW,黄", "GREEN,绿", "WHITE,白", "BLACK,黑"})
    void hasChineseNames(PlateColour colour, String chinese) {
        assertThat(colour.chineseName()).isEqualTo(chinese);
        assertThat(PlateColour.parse(chinese)).isEqualTo(colour);
    }
}
