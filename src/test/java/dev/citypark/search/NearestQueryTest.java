package dev.citypark.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearestQueryTest {

    private static final GeoPoint P = GeoPoint.of(36.0671, 120.3826);

    private static void assertRejected(Runnable build, String field) {
        assertThatThrownBy(build::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @ParameterizedTest
    @CsvSource({"0, 10, radius", "5001, 10, radius", "-5, 10, radius", "1000, 0, limit", "1000, 51, limit"})
    void rejectsRadiusAndLimitOutOfBounds(int radius, int limit, String field) {
        assertRejected(() -> NearestQuery.around(P, radius, limit), field);
    }

    @Test
    void acceptsTheBounds() {
        assertThat(NearestQuery.around(P, 1, 1).radiusMetres()).isEqualTo(1);
        assertThat(NearestQuery.around(P, 5_000, 50).limit()).isEqualTo(50);
        assertThat(NearestQuery.around(P, 1_000, 10).withStayMinutes(7 * 24 * 60).stay())
                .contains(Duration.ofDays(7));
    }

    @Test
    void rejectsAStayOutsideOneMinuteToAWeekAndMissingPointOrCategory() {
        assertRejected(() -> NearestQuery.around(P, 1_000, 10).withStayMinutes(0), "stayMinutes");
        assertRejected(() -> NearestQuery.around(P, 1_000, 10).withStayMinutes(7 * 24 * 60 + 1), "stayMinutes");
        assertRejected(() -> new NearestQuery(P, 1_000, 10, Optional.empty(), SpaceCategory.GENERAL,
                Optional.of(Duration.ofSeconds(90)), Optional.empty()), "stayMinutes");
        assertRejected(() -> NearestQuery.around(null, 1_000, 10), "lat");
        assertRejected(() -> NearestQuery.around(P, 1_000, 10).withCategory(null), "category");
    }

    @Test
    void parsesTheKindCaseInsensitively() {
        assertThat(ParkingKind.parse(" on_street ")).isEqualTo(ParkingKind.ON_STREET);
        assertThat(ParkingKind.parse("OFF_STREET")).isEqualTo(ParkingKind.OFF_STREET);
        assertRejected(() -> ParkingKind.parse("garage"), "kind");
        assertRejected(() -> ParkingKind.parse(null), "kind");
    }
}
