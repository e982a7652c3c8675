package dev.citypark.analytics.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The forecast arithmetic (HSL Liipi's baseline): the occupancy rate of a future 15-minute slot is the mean rate of the
 * same slot in the previous weeks, scaled by how the recent window (default the last two hours) compares with the
 * same window in those weeks: {@code prediction = profile(slot) × recent ÷ profile(recent window)}, clamped to 0..1.
 * Without a profile for a slot, the recent rate stands (persistence); without a recent rate, the profile stands
 * unscaled; the scale is bounded to 0.25..4 so one odd hour does not explode a forecast. Pure.
 */
public final class Forecaster {

    public static final Duration SLOT = Duration.ofMinutes(15);
    static final double MIN_SCALE = 0.25;
    static final double MAX_SCALE = 4;

    /** Occupied and known space-seconds of one slot. */
    public record Sums(double occupied, double known) {

        Double rate() {
            return known > 0 ? occupied / known : null;
        }
    }

    /** One predicted slot. */
    public record Step(Instant slot, double rate) {
    }

    private Forecaster() {
    }

    /** The start of the 15-minute slot holding {@code t}. */
    public static Instant slotOf(Instant t) {
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, SLOT.toSeconds()));
    }

    /**
     * The windows whose data a forecast at {@code now} needs: the recent window, and for each previous week the
     * recent window and the horizon shifted by whole weeks. Each is {@code [start, end)}.
     */
    public static List<Instant[]> windows(Instant now, Duration horizon, Duration recent, int weeks) {
        Instant base = slotOf(now);
        List<Instant[]> windows = new ArrayList<>();
        windows.add(new Instant[] {base.minus(recent), base});
        for (int w = 1; w <= weeks; w++) {
            Duration back = Duration.ofDays(7L * w);
            windows.add(new Instant[] {base.minus(recent).minus(back), base.plus(horizon).minus(back)});
        }
        return windows;
    }

    /**
     * The forecast for the slots starting at {@code slotOf(now)} and every 15 minutes until {@code horizon}, from
     * sums per slot start; empty when there is no data at all.
     */
    public static List<Step> forecast(Instant now, Duration horizon, Duration recent, int weeks,
            Map<Instant, Sums> slots) {
        Instant base = slotOf(now);
        Double recentRate = rate(slots, base.minus(recent), base, 0);
        double profileOcc = 0;
        double profileKnown = 0;
        for (int w = 1; w <= weeks; w++) {
            Sums s = sum(slots, base.minus(recent), base, w);
            profileOcc += s.occupied();
            profileKnown += s.known();
        }
        Double recentProfile = profileKnown > 0 ? profileOcc / profileKnown : null;
        double scale = 1;
        if (recentRate != null && recentProfile != null && recentProfile > 0.005) {
            scale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, recentRate / recentProfile));
        }
        List<Step> steps = new ArrayList<>();
        long count = horizon.toSeconds() / SLOT.toSeconds();
        for (int k = 0; k < count; k++) {
            Instant slot = base.plus(SLOT.multipliedBy(k));
            double occ = 0;
            double known = 0;
            for (int w = 1; w <= weeks; w++) {
                Sums s = slots.get(slot.minus(Duration.ofDays(7L * w)));
                if (s != null) {
                    occ += s.occupied();
                    known += s.known();
                }
            }
            Double predicted = recentRate;
            if (known > 0) {
                predicted = occ / known * scale;
            }
            if (predicted == null) {
                continue;
            }
            steps.add(new Step(slot, Math.max(0, Math.min(1, predicted))));
        }
        return steps;
    }

    private static Double rate(Map<Instant, Sums> slots, Instant from, Instant to, int weeksBack) {
        return sum(slots, from, to, weeksBack).rate();
    }

    private static Sums sum(Map<Instant, Sums> slots, Instant from, Instant to, int weeksBack) {
        Duration back = Duration.ofDays(7L * weeksBack);
        double occ = 0;
        double known = 0;
        for (Instant t = from; t.isBefore(to); t = t.plus(SLOT)) {
            Sums s = slots.get(t.minus(back));
            if (s != null) {
                occ += s.occupied();
                known += s.known();
            }
        }
        return new Sums(occ, known);
    }
}
