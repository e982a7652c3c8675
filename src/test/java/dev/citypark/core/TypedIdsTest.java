package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OperatorId, LotId, SegmentId, BayId, GateId and SensorId share one rule ({@code Ids}); each is checked here. */
class TypedIdsTest {

    private record Kind(String field, Function<String, Object> factory) {
        @Override
        public String toString() {
            return field;
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("operatorId", OperatorId::of),
            new Kind("lotId", LotId::of),
            new Kind("segmentId", SegmentId::of),
            new Kind("bayId", BayId::of),
            new Kind("gateId", GateId::of),
            new Kind("sensorId", SensorId::of));

    private static final List<String> VALID = List.of(
            "a", "Z", "7", "QD-SN-0001", "lot_12.b", "0.1-2_3", "A".repeat(64), "x" + "-".repeat(63));

    private static final List<String> INVALID = List.of(
            "", " ", "-lead", ".lead", "_lead", "A".repeat(65), "has space", "slash/inside", "ü", "中文",
            "tab\tinside", "line\nbreak", "QD-SN-0001 ", "\u0410BC" /* Cyrillic A */, "ＡＢＣ" /* full width */);

    static Stream<Arguments> validIds() {
        return KINDS.stream().flatMap(kind -> VALID.stream().map(value -> Arguments.of(kind, value)));
    }

    static Stream<Arguments> invalidIds() {
        return KINDS.stream().flatMap(kind -> INVALID.stream().map(value -> Arguments.of(kind, value)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("validIds")
    void acceptsOneToSixtyFourIdCharactersStartingAlphanumeric(Kind kind, String value) {
        Object id = kind.factory().apply(value);
        assertThat(id).hasToString(value);
        assertThat(id).isEqualTo(kind.factory().apply(value));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidIds")
    void rejectsOtherTextNamingTheField(Kind kind, String value) {
        assertThatThrownBy(() -> kind.factory().apply(value))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo(kind.field());
                    assertThat(e.getMessage()).startsWith(kind.field() + " must be 1-64 characters");
                });
    }

    @Test
    void rejectsNullForEveryKind() {
        for (Kind kind : KINDS) {
            assertThatThrownBy(() -> kind.factory().apply(null))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                        assertThat(e.field()).isEqualTo(kind.field());
                        assertThat(e.getMessage()).endsWith("was null");
                    });
        }
    }

    @Test
    void accessorAndConstructorAgreeWithFactory() {
        assertThat(new BayId("QD-SN-0001").value()).isEqualTo("QD-SN-0001");
        assertThat(LotId.of("L1")).isEqualTo(new LotId("L1"));
        assertThat(LotId.of("L1")).isNotEqualTo(LotId.of("l1"));
    }

    @Test
    void quotesRejectedInputWithoutControlCharactersAndCutsItShort() {
        assertThatThrownBy(() -> BayId.of("bay\r\nFAKE LOG LINE"))
                .hasMessageEndingWith("was 'bay??FAKE LOG LINE'")
                .hasMessageNotContaining("\n");
        String longInput = "x".repeat(65) + "\u001b[31m" + "y".repeat(100);
        assertThatThrownBy(() -> LotId.of(longInput))
                .hasMessageEndingWith("was '" + "x".repeat(65) + "?[31m…'");
    }

    @Test
    void cutsLongInputWithoutSplittingASurrogatePair() {
        String emoji = "\uD83D\uDE97"; // car, one code point in two chars
        String input = "a".repeat(69) + emoji + emoji;
        assertThatThrownBy(() -> SensorId.of(input))
                .hasMessageEndingWith("was '" + "a".repeat(69) + emoji + "…'");
    }
}
