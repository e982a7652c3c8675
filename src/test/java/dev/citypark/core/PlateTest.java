package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateTest {

    private static void assertRejected(String raw) {
        assertThatThrownBy(() -> Plate.of(raw))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("plate"));
    }

    // ---- normalisation -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "鲁B12345", "鲁b12345", "鲁B·12345", "鲁B 12345", " 鲁 B 1 2 3 4 5 ", "鲁B-12345", "鲁B・12345",
            "鲁B•12345", "鲁B\u200312345", "鲁B\u300012345", "鲁Ｂ１２３４５", "鲁ｂ－１２３４５", "鲁B\u201312345",
            "鲁B\u221212345", "鲁\tB12345"})
    void normalisesHowPeopleAndCamerasWritePlates(String raw) {
        assertThat(Plate.of(raw).value()).isEqualTo("鲁B12345");
    }

    @Test
    void equalityIsByNormalisedValue() {
        assertThat(Plate.of("鲁b·12345")).isEqualTo(Plate.of("鲁Ｂ１２３４５"))
                .hasSameHashCodeAs(Plate.of("鲁B12345"));
        assertThat(Plate.of("鲁B12345")).isNotEqualTo(Plate.of("鲁B12346"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "鲁\u041212345",  // Cyrillic capital VE looks like B
            "鲁B1234\u0405",  // Cyrillic DZE looks like S
            "鲁\u039212345",  // Greek capital BETA
            "鲁B12\u039F45",  // Greek capital OMICRON in the serial
            "鲁B12\u200B345", // zero-width space is not a separator
            "鲁B12.345",
            "鲁B12_345",
            "鲁B1234\u00E9"})
    void refusesLookAlikesAndOtherCharacters(String raw) {
        assertThatThrownBy(() -> Plate.of(raw))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("plate");
                    assertThat(e.getMessage()).contains("not a province abbreviation, a letter A-Z or a digit");
                });
    }

    // ---- ordinary plates -----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"鲁B12345", "京A88888", "粤BA1234", "沪AZ9X8Y", "鲁U00001", "琼A1B2C3"})
    void acceptsOrdinaryPlates(String raw) {
        Plate plate = Plate.of(raw);
        assertThat(plate.kind()).isEqualTo(PlateKind.ORDINARY);
        assertThat(plate.isNewEnergy()).isFalse();
    }

    @Test
    void everyProvinceAbbreviationIsAccepted() {
        String provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
        assertThat(provinces).hasSize(31);
        for (char province : provinces.toCharArray()) {
            Plate plate = Plate.of(province + "A12345");
            assertThat(plate.province()).isEqualTo(String.valueOf(province));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"使A12345", "A鲁12345", "BB12345", "台A12345", "港A12345", "军A12345", "12345鲁B"})
    void rejectsPlatesNotStartingWithAProvinceAbbreviation(String raw) {
        assertRejected(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁112345", "鲁鲁12345", "鲁学12345"})
    void rejectsASecondCharacterThatIsNotAnAuthorityLetter(String raw) {
        assertRejected(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁I12345", "鲁O12345", "鲁B1234O", "鲁BI2345", "鲁BD1234O", "鲁BDO1234", "鲁B1234I"})
    void rejectsLettersIAndOAfterTheProvince(String raw) {
        assertThatThrownBy(() -> Plate.of(raw)).hasMessageContaining("I and O");
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁B1234", "鲁B123", "鲁B", "鲁", "鲁B1234567", "鲁B123456789"})
    void rejectsWrongLengths(String raw) {
        assertRejected(raw);
    }

    // ---- new-energy plates ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"鲁BD12345", "鲁BF12345", "鲁BDA1234", "鲁BFZ0000", "粤BD99999", "京AD80234"})
    void acceptsSmallNewEnergyPlatesWithDOrFFirst(String raw) {
        Plate plate = Plate.of(raw);
        assertThat(plate.kind()).isEqualTo(PlateKind.SMALL_NEW_ENERGY);
        assertThat(plate.isNewEnergy()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁BA12345", "鲁BB12345", "鲁BC12345", "鲁BE12345", "鲁BG12345", "鲁BH12345", "鲁BJ12345",
            "鲁BK12345"})
    void acceptsTheExtendedEnergyLettersOfSmallNewEnergyPlates(String raw) {
        assertThat(Plate.of(raw).kind()).isEqualTo(PlateKind.SMALL_NEW_ENERGY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁BL12345", "鲁BM12345", "鲁BZ12345", "鲁BX12345"})
    void rejectsSmallNewEnergyPlatesWithoutAnEnergyLetterFirst(String raw) {
        assertRejected(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁BD1234A", "鲁BDA123B", "鲁BDAB123", "鲁BD12A45"})
    void rejectsSmallNewEnergyPlatesWhoseLastFourAreNotDigits(String raw) {
        assertThatThrownBy(() -> Plate.of(raw)).hasMessageContaining("four digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁B12345D", "鲁B12345F", "辽D46234F", "鲁B00000A", "鲁B54321K"})
    void acceptsLargeNewEnergyPlatesWithFiveDigitsThenTheEnergyLetter(String raw) {
        Plate plate = Plate.of(raw);
        assertThat(plate.kind()).isEqualTo(PlateKind.LARGE_NEW_ENERGY);
        assertThat(plate.isNewEnergy()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁B1234AD", "鲁B12345L", "鲁B12345Z", "鲁B123456", "鲁B1A345D"})
    void rejectsMalformedLargeNewEnergyPlates(String raw) {
        assertRejected(raw);
    }

    // ---- special suffixes ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"鲁B1234学,COACH", "鲁B0001警,POLICE", "鲁BA123挂,TRAILER", "沪A1234领,CONSULATE",
            "粤Z1234港,HONG_KONG", "粤ZA123澳,MACAU"})
    void acceptsSuffixPlatesInPlaceOfTheLastSerialCharacter(String raw, PlateKind kind) {
        Plate plate = Plate.of(raw);
        assertThat(plate.kind()).isEqualTo(kind);
        assertThat(plate.isNewEnergy()).isFalse();
        assertThat(plate.value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁B1234港", "粤B1234澳", "京Z1234港"})
    void acceptsHongKongAndMacauSuffixesOnlyAfterGuangdongZ(String raw) {
        assertThatThrownBy(() -> Plate.of(raw)).hasMessageContaining("粤Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁B123学5", "鲁B12345学", "鲁B123学", "鲁BD1234学", "鲁B学1234"})
    void rejectsSuffixesAnywhereButInPlaceOfTheLastOfFiveSerialCharacters(String raw) {
        assertRejected(raw);
    }

    // ---- accessors and masking -----------------------------------------------------------------------------------

    @Test
    void exposesProvinceAndIssuingAuthority() {
        Plate plate = Plate.of("鲁B12345");
        assertThat(plate.value()).isEqualTo("鲁B12345");
        assertThat(plate.province()).isEqualTo("鲁");
        assertThat(plate.issuingAuthority()).isEqualTo("B");
    }

    @Test
    void masksAllButProvinceAuthorityAndLastTwo() {
        assertThat(Plate.of("鲁B12345").masked()).isEqualTo("鲁B·***45");
        assertThat(Plate.of("鲁BD12345").masked()).isEqualTo("鲁B·****45");
        assertThat(Plate.of("鲁B12345D").masked()).isEqualTo("鲁B·****5D");
        assertThat(Plate.of("鲁B1234学").masked()).isEqualTo("鲁B·***4学");
    }

    @Test
    void toStringIsTheMaskedForm() {
        Plate plate = Plate.of("鲁B12345");
        assertThat(plate).hasToString("鲁B·***45");
        assertThat("entered: " + plate).doesNotContain("123");
    }

    @ParameterizedTest
    @ValueSource(strings = {"鲁B98765O", "鲁Ｂ98765４3", "鲁B9876\u0415", "鲁X9876", "使B98765"})
    void errorMessagesNeverEchoTheUnmaskedInput(String raw) {
        assertThatThrownBy(() -> Plate.of(raw))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("9876").doesNotContain("8765")
                        .doesNotContain("98765"));
    }

    @Test
    void errorMessagesShowTheMaskedInput() {
        assertThatThrownBy(() -> Plate.of("鲁B98765O")).hasMessageContaining("鲁B·****5O");
        assertThatThrownBy(() -> Plate.of("鲁B9876\u0415")).hasMessageContaining("鲁B·***6?")
                .hasMessageContaining("U+0415");
    }

    @Test
    void rejectsMissingAndOverlongInput() {
        assertRejected(null);
        assertRejected("");
        assertRejected("   ");
        assertThatThrownBy(() -> Plate.of("鲁B12345" + " ".repeat(40))).hasMessageContaining("at most 32");
    }
}
