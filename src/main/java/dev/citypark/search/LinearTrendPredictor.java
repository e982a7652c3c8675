package dev.citypark.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Extrapolates the least-squares line through a place's recent free counts: the samples of the last {@code window}
 * before the current count plus the current count itself. The slope is applied from the current count's time to the
 * arrival, but for at most {@code maxHorizon} (a half-hour trend says little about the afternoon), and the result is
 * clamped to 0..capacity. With fewer than two distinct sample times there is no trend and the current count is the
 * prediction.
 */
public final class LinearTrendPredictor implements TrendPredictor {

    private final Duration window;
    private final Duration maxHorizon;
    private final String name;

    public LinearTrendPredictor(Duration window, Duration maxHorizon) {
        if (window.isNegative() || window.isZero() || maxHorizon.isNegative()) {
            throw new IllegalArgumentException("window must be positive and maxHorizon not negative");
        }
        this.window = window;
        this.maxHorizon = maxHorizon;
        this.name = "linear-trend-" + window.toMinutes() + "m";
    }

    /** A 30-minute window, extrapolated at most 60 minutes ahead. */
    public static LinearTrendPredictor standard() {
        return new LinearTrendPredictor(Duration.ofMinutes(30), Duration.ofMinutes(60));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration window() {
        return window;
    }

    @Override
    public Prediction predict(LiveCount live, int capacity, Instant arriveAt) {
        Instant now = live.updatedAt();
        Instant from = now.minus(window);
        List<FreeSample> samples = new ArrayList<>();
        for (FreeSample sample : live.recent()) {
            if (!sample.at().isBefore(from) && sample.at().isBefore(now)) {
                samples.add(sample);
            }
        }
        samples.add(new FreeSample(now, live.free()));
        double expected = live.free() + slopePerSecond(samples, now) * horizonSeconds(now, arriveAt);
        return new Prediction(name, arriveAt, Math.max(0, Math.min(capacity, expected)));
    }

    private double horizonSeconds(Instant now, Instant arriveAt) {
        long seconds = Duration.between(now, arriveAt).toSeconds();
        return Math.max(0, Math.min(maxHorizon.toSeconds(), seconds));
    }

    /** Least-squares slope of free count over time (per second), 0 without two distinct times. */
    private static double slopePerSecond(List<FreeSample> samples, Instant origin) {
        int n = samples.size();
        double meanT = 0;
        double meanF = 0;
        for (FreeSample s : samples) {
            meanT += seconds(origin, s.at());
            meanF += s.free();
        }
        meanT /= n;
        meanF /= n;
        double covariance = 0;
        double variance = 0;
        for (FreeSample s : samples) {
            double dt = seconds(origin, s.at()) - meanT;
            covariance += dt * (s.free() - meanF);
            variance += dt * dt;
        }
        return variance == 0 ? 0 : covariance / variance;
    }

    private static double seconds(Instant origin, Instant at) {
        return Duration.between(origin, at).toMillis() / 1000.0;
    }

    @Override
    public String toString() {
        return name;
    }
}
