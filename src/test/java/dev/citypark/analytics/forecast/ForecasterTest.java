package dev.citypark.analytics.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ForecasterTest {

    private static final Instant NOW = Instant.parse("2026-03-09T02:07:00Z"); // slot 02:00
    private static final Duration HORIZON = Duration.ofHours(2);
    private static final Duration RECENT = Duration.ofHours(2);
    private static final Instant BASE = Instant.parse("2026-03-09T02:00:00Z");

    /** A slot with the given rate over 100 spaces for 15 minutes. */
    private static Forecaster.Sums rate(double rate) {
        return new Forecaster.Sums(rate * 100 * 900, 100 * 900);
    }

    private static Map<Instant, Forecaster.Sums> profile(int weeks, double recentRate, double previousRate,
            double aheadRate) {
        Map<Instant, Forecaster.Sums> slots = new HashMap<>();
        for (Instant t = BASE.minus(RECENT); t.isBefore(BASE); t = t.plus(Forecaster.SLOT)) {
            slots.put(t, rate(recentRate));
            for (int w = 1; w <= weeks; w++) {
                slots.put(t.minus(Duration.ofDays(7L * w)), rate(previousRate));
            }
        }
        for (Instant t = BASE; t.isBefore(BASE.plus(HORIZON)); t = t.plus(Forecaster.SLOT)) {
            for (int w = 1; w <= weeks; w++) {
                slots.put(t.minus(Duration.ofDays(7L * w)), rate(aheadRate));
            }
        }
        return slots;
    }

    @Test
    void scalesTheWeeklyProfileByHowTheLastTwoHoursCompare() {
        // previous weeks: 0.4 in the two hours before, 0.6 in the two hours ahead; today so far 0.5 (1.25 × usual)
        List<Forecaster.Step> steps = Forecaster.forecast(NOW, HORIZON, RECENT, 4, profile(4, 0.5, 0.4, 0.6));

        assertThat(steps).hasSize(8);
        assertThat(steps.get(0).slot()).isEqualTo(BASE);
        assertThat(steps.get(7).slot()).isEqualTo(BASE.plus(Duration.ofMinutes(105)));
        assertThat(steps).allSatisfy(s -> assertThat(s.rate()).isCloseTo(0.6 * 1.25, within(1e-9)));
    }

    @Test
    void clampsTheForecastToFull() {
        List<Forecaster.Step> steps = Forecaster.forecast(NOW, HORIZON, RECENT, 4, profile(4, 0.9, 0.4, 0.8));

        assertThat(steps).allSatisfy(s -> assertThat(s.rate()).isEqualTo(1.0));
    }

    @Test
    void withoutPreviousWeeksTheRecentRateStands() {
        List<Forecaster.Step> steps = Forecaster.forecast(NOW, HORIZON, RECENT, 4, profile(0, 0.35, 0, 0));

        assertThat(steps).hasSize(8).allSatisfy(s -> assertThat(s.rate()).isCloseTo(0.35, within(1e-9)));
    }

    @Test
    void withoutAnyDataThereIsNoForecast() {
        assertThat(Forecaster.forecast(NOW, HORIZON, RECENT, 4, Map.of())).isEmpty();
    }

    @Test
    void asksForTheRecentWindowAndEachPreviousWeek() {
        List<Instant[]> windows = Forecaster.windows(NOW, HORIZON, RECENT, 2);

        assertThat(windows).hasSize(3);
        assertThat(windows.get(0)).containsExactly(BASE.minus(RECENT), BASE);
        assertThat(windows.get(2)).containsExactly(BASE.minus(RECENT).minus(Duration.ofDays(14)),
                BASE.plus(HORIZON).minus(Duration.ofDays(14)));
    }
}
