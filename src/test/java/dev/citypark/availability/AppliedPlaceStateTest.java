package dev.citypark.availability;

import java.time.Instant;
import java.util.Map;

import dev.citypark.core.InvalidValueException;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppliedPlaceStateTest {

    @Test
    void roundTripsThroughJson() {
        AppliedPlaceState state = new AppliedPlaceState(PlaceRef.lot("QD-L-00001"), "OP-GAR-01", "370202",
                AvailabilityStatus.OPEN, Instant.parse("2026-03-02T01:00:00Z"), false, 120, 80, 30, 10,
                Map.of(SpaceCategory.GENERAL, new CategoryAvailability(100, 25, 70, 5),
                        SpaceCategory.EV_CHARGING, new CategoryAvailability(20, 5, 10, 5)),
                Instant.parse("2026-03-02T01:00:01Z"));

        String json = state.toJson();

        assertThat(json).startsWith("{\"placeId\":\"QD-L-00001\",\"kind\":\"LOT\",\"operatorId\":\"OP-GAR-01\"");
        assertThat(AppliedPlaceState.parse(json)).isEqualTo(state);
    }

    @Test
    void rejectsOtherShapes() {
        assertThatThrownBy(() -> AppliedPlaceState.parse("{\"placeId\":\"x\"}"))
                .isInstanceOf(InvalidValueException.class);
    }
}
