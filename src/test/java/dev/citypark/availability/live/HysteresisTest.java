package dev.citypark.availability.live;

import org.junit.jupiter.api.Test;

import static dev.citypark.availability.AvailabilityStatus.ALMOST_FULL;
import static dev.citypark.availability.AvailabilityStatus.FULL;
import static dev.citypark.availability.AvailabilityStatus.OPEN;
import static dev.citypark.availability.AvailabilityStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

class HysteresisTest {

    private final Hysteresis rule = new Hysteresis(0.90, 0.85, 2);

    @Test
    void isOpenBelowTheThreshold() {
        assertThat(rule.next(null, 89, 100)).isEqualTo(OPEN);
        assertThat(rule.next(OPEN, 0, 100)).isEqualTo(OPEN);
    }

    @Test
    void turnsAlmostFullAtTheThreshold() {
        assertThat(rule.next(OPEN, 90, 100)).isEqualTo(ALMOST_FULL);
    }

    @Test
    void staysAlmostFullUntilTheLowerThreshold() {
        assertThat(rule.next(ALMOST_FULL, 88, 100)).isEqualTo(ALMOST_FULL);
        assertThat(rule.next(ALMOST_FULL, 86, 100)).isEqualTo(ALMOST_FULL);
        assertThat(rule.next(ALMOST_FULL, 85, 100)).isEqualTo(OPEN);
    }

    @Test
    void doesNotFlickerAroundTheThreshold() {
        var status = OPEN;
        StringBuilder seen = new StringBuilder();
        for (int occupied : new int[] {89, 90, 89, 90, 89, 88, 87, 86, 85, 86, 89}) {
            status = rule.next(status, occupied, 100);
            seen.append(status.name().charAt(0));
        }
        assertThat(seen).hasToString("OAAAAAAAOOO");
    }

    @Test
    void isFullWithoutFreeSpaceAndLeavesOnlyWithEnoughFree() {
        assertThat(rule.next(ALMOST_FULL, 100, 100)).isEqualTo(FULL);
        assertThat(rule.next(FULL, 99, 100)).isEqualTo(FULL);
        assertThat(rule.next(FULL, 98, 100)).isEqualTo(ALMOST_FULL);
        assertThat(rule.next(FULL, 50, 100)).isEqualTo(OPEN);
    }

    @Test
    void smallPlacesLeaveFullWithTheirOnlyFreeBay() {
        assertThat(rule.next(FULL, 0, 1)).isEqualTo(OPEN);
        assertThat(rule.next(null, 1, 1)).isEqualTo(FULL);
    }

    @Test
    void isUnknownWithoutKnownSpaces() {
        assertThat(rule.next(OPEN, 0, 0)).isEqualTo(UNKNOWN);
    }
}
