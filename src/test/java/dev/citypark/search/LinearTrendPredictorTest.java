package dev.citypark.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinearTrendPredictorTest {

    private static final Instant NOW = Instant.parse("2025-03-03T02:00:00Z");
    private final LinearTrendPredictor predictor = LinearTrendPredictor.standard();

    private static FreeSample minutesAgo(int minutes, int free) {
        return new FreeSample(NOW.minus(Duration.ofMinutes(minutes)), free);
    }

    private static LiveCount now(int free, FreeSample... recent) {
        return new LiveCount(free, NOW, false, List.of(recent));
    }

    @Test
    void isNamedAfterItsWindow() {
        assertThat(predictor.name()).isEqualTo("linear-trend-30m");
        assertThat(predictor.window()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void withoutHistoryTheCurrentCountStands() {
        Prediction p = predictor.predict(now(7), 50, NOW.plusSeconds(900));

        assertThat(p.expectedFree()).isEqualTo(7);
        assertThat(p.predictor()).isEqualTo("linear-trend-30m");
        assertThat(p.at()).isEqualTo(NOW.plusSeconds(900));
        assertThat(p.likelyFree()).isTrue();
    }

    @Test
    void extrapolatesAFillingPlace() {
        // one space taken every 5 minutes
        LiveCount live = now(4, minutesAgo(20, 8), minutesAgo(15, 7), minutesAgo(10, 6), minutesAgo(5, 5));

        assertThat(predictor.predict(live, 50, NOW.plus(Duration.ofMinutes(10))).expectedFree())
                .isCloseTo(2.0, within(1e-9));
        Prediction later = predictor.predict(live, 50, NOW.plus(Duration.ofMinutes(25)));
        assertThat(later.expectedFree()).isZero();
        assertThat(later.likelyFree()).isFalse();
    }

    @Test
    void extrapolatesAnEmptyingPlaceButNotBeyondCapacity() {
        LiveCount live = now(10, minutesAgo(20, 2), minutesAgo(10, 6));

        assertThat(predictor.predict(live, 50, NOW.plus(Duration.ofMinutes(5))).expectedFree())
                .isCloseTo(12.0, within(1e-9));
        assertThat(predictor.predict(live, 11, NOW.plus(Duration.ofMinutes(5))).expectedFree()).isEqualTo(11);
    }

    @Test
    void looksAtMostAnHourAhead() {
        LiveCount live = now(100, minutesAgo(10, 110));

        assertThat(predictor.predict(live, 500, NOW.plus(Duration.ofHours(5))).expectedFree())
                .isCloseTo(100 - 60.0, within(1e-9));
    }

    @Test
    void ignoresSamplesOutsideItsWindowAndArrivalsBeforeTheCount() {
        LiveCount live = now(5, minutesAgo(90, 60), minutesAgo(45, 40));

        assertThat(predictor.predict(live, 100, NOW.plus(Duration.ofMinutes(30))).expectedFree()).isEqualTo(5);
        LiveCount trending = now(4, minutesAgo(10, 8));
        assertThat(predictor.predict(trending, 100, NOW.minusSeconds(60)).expectedFree()).isEqualTo(4);
    }
}
