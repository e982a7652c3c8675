package dev.citypark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;
import dev.citypark.core.PlateKind;
import org.junit.jupiter.api.Test;

class PlateGeneratorTest {

    private static List<PlateGenerator.Vehicle> sample(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        PlateGenerator plates = PlateGenerator.qingdao();
        List<PlateGenerator.Vehicle> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(plates.next(random));
        }
        return out;
    }

    @Test
    void everyPlateIsAValidMainlandPlateWithAMatchingColour() {
        for (PlateGenerator.Vehicle v : sample(1, 20_000)) {
            Plate reparsed = Plate.of(v.plate().value());
            assertThat(reparsed).isEqualTo(v.plate());
            if (v.colour() == PlateColour.GREEN) {
                assertThat(v.plate().kind()).isEqualTo(PlateKind.SMALL_NEW_ENERGY);
                assertThat(v.newEnergy()).isTrue();
            }
            else {
                assertThat(v.plate().kind()).isEqualTo(PlateKind.ORDINARY);
            }
        }
    }

    @Test
    void mostPlatesAreFromQingdaoAndAboutAThirdAreNewEnergy() {
        List<PlateGenerator.Vehicle> vehicles = sample(2, 20_000);
        long qingdao = vehicles.stream().filter(v -> v.plate().value().startsWith("鲁B")
                || v.plate().value().startsWith("鲁U")).count();
        long green = vehicles.stream().filter(v -> v.colour() == PlateColour.GREEN).count();
        long yellow = vehicles.stream().filter(v -> v.colour() == PlateColour.YELLOW).count();
        assertThat(qingdao / 20_000.0).isBetween(0.75, 0.85);
        assertThat(green / 20_000.0).isBetween(0.27, 0.33);
        assertThat(yellow / 20_000.0).isBetween(0.02, 0.04);
        assertThat(vehicles.stream().map(v -> v.plate().value()).distinct().count()).isGreaterThan(19_900);
    }

    @Test
    void theSameSeedGivesTheSamePlates() {
        assertThat(sample(7, 100)).isEqualTo(sample(7, 100));
        assertThat(sample(7, 100)).isNotEqualTo(sample(8, 100));
    }
}
