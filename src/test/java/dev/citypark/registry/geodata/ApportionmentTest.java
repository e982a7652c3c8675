package dev.citypark.registry.geodata;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ApportionmentTest {

    @Test
    void partsAddUpExactlyToTheTotal() {
        long[] parts = Apportionment.split(300_000, new double[]{0.16, 0.16, 0.14, 0.11, 0.11, 0.09, 0.08, 0.06,
                0.045, 0.045});

        assertThat(Arrays.stream(parts).sum()).isEqualTo(300_000);
        assertThat(parts[0]).isEqualTo(48_000);
        assertThat(parts[9]).isEqualTo(13_500);
    }

    @Test
    void givesLeftoverUnitsToTheLargestRemainders() {
        assertThat(Apportionment.split(10, new double[]{1, 1, 1})).containsExactly(4, 3, 3);
        assertThat(Apportionment.split(7, new double[]{0.5, 0.3, 0.2})).containsExactly(4, 2, 1);
    }
}
