package dev.citypark.session;

import java.time.Instant;

import dev.citypark.billing.VehicleSize;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Gate events and bay readings are checked at the border, each failure naming its field. */
class GateEventTest {

    private static final Instant T = Instant.parse("2025-03-03T01:00:00Z");

    @Test
    void parsesAndNormalisesAnEvent() {
        GateEvent event = GateEvent.parse("QD-L-00001", "QD-L-00001-G1", "entry", "鲁Ｂ·12345", "蓝牌", T, 0.93,
                "s3://cam/1.jpg", "QD-L-00001-B1-001");

        assertThat(event.plate().value()).isEqualTo("鲁B12345");
        assertThat(event.direction()).isEqualTo(Direction.ENTRY);
        assertThat(event.plateColour()).isEqualTo(PlateColour.BLUE);
        assertThat(event.evidence().imageRef()).contains("s3://cam/1.jpg");
        assertThat(event.bay()).isPresent();
    }

    @Test
    void namesTheFieldOfEachBadValue() {
        assertField(() -> GateEvent.parse("QD L", "G1", "ENTRY", "鲁B12345", "BLUE", T, 1.0, null, null), "lotId");
        assertField(() -> GateEvent.parse("QD-L-1", null, "ENTRY", "鲁B12345", "BLUE", T, 1.0, null, null), "gateId");
        assertField(() -> GateEvent.parse("QD-L-1", "G1", "IN", "鲁B12345", "BLUE", T, 1.0, null, null), "direction");
        assertField(() -> GateEvent.parse("QD-L-1", "G1", "EXIT", "XX12345", "BLUE", T, 1.0, null, null), "plate");
        assertField(() -> GateEvent.parse("QD-L-1", "G1", "EXIT", "鲁B12345", "PINK", T, 1.0, null, null),
                "plateColour");
        assertField(() -> GateEvent.parse("QD-L-1", "G1", "EXIT", "鲁B12345", "BLUE", null, 1.0, null, null),
                "observedAt");
        assertField(() -> GateEvent.parse("QD-L-1", "G1", "EXIT", "鲁B12345", "BLUE", T, 1.5, null, null),
                "confidence");
        assertField(() -> GateEvent.parse("QD-L-1", "G1", "EXIT", "鲁B12345", "BLUE", T, 1.0, "x".repeat(600),
                null), "imageRef");
    }

    @Test
    void neverRepeatsTheFullPlateInAnError() {
        assertThatThrownBy(() -> GateEvent.parse("QD-L-1", "G1", "EXIT", "鲁B1234I", "BLUE", T, 1.0, null, null))
                .hasMessageNotContaining("鲁B1234I");
    }

    @Test
    void yellowPlatesAreLargeAndGreenPlatesNewEnergy() {
        Vehicle truck = new Vehicle(Plate.of("鲁B12345"), PlateColour.YELLOW);
        Vehicle nev = new Vehicle(Plate.of("鲁BD12345"), PlateColour.GREEN);
        Vehicle nevReadAsBlue = new Vehicle(Plate.of("鲁BD12345"), PlateColour.BLUE);

        assertThat(truck.size()).isEqualTo(VehicleSize.LARGE);
        assertThat(truck.newEnergy()).isFalse();
        assertThat(Stay.categoryOf(truck)).isEqualTo(SpaceCategory.LARGE);
        assertThat(nev.newEnergy()).isTrue();
        assertThat(nev.size()).isEqualTo(VehicleSize.SMALL);
        assertThat(nevReadAsBlue.newEnergy()).isTrue();
        assertThat(Stay.categoryOf(nev)).isEqualTo(SpaceCategory.GENERAL);
    }

    @Test
    void bayReadingNeedsAPlateOnlyWhenOccupied() {
        BayCheckin free = BayCheckin.parse("QD-S-00001-01", "free", null, null, T, null, null);
        assertThat(free.vehicle()).isEmpty();
        assertField(() -> BayCheckin.parse("QD-S-00001-01", "OCCUPIED", null, null, T, null, null), "plate");
        assertField(() -> BayCheckin.parse("QD-S-00001-01", "OCCUPIED", "鲁B12345", null, T, null, null),
                "plateColour");
        assertField(() -> BayCheckin.parse("QD-S-00001-01", "PARKED", "鲁B12345", "BLUE", T, null, null), "state");
        assertField(() -> BayCheckin.parse(null, "FREE", null, null, T, null, null), "bayId");
    }

    private static void assertField(Runnable parse, String field) {
        assertThatThrownBy(parse::run)
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    }
}
