package dev.citypark.analytics.query;

/**
 * The operator data-quality score, 0–100 (the formula is in the README):
 * <pre>
 * score = 50 × freshShare
 *       + 15 × (1 − rejected ÷ reports)
 *       + 10 × (1 − clamped ÷ reports)
 *       + 10 × (1 − stuckSensors ÷ places)
 *       + 10 × (1 − counterDrift ÷ lotsCompared)
 *       +  5 × (1 − gaps ÷ places)
 * </pre>
 * rounded to an integer; a ratio with a zero denominator counts as 0 (nothing wrong seen). An operator without places
 * scores 0. Pure.
 */
public final class QualityScore {

    private QualityScore() {
    }

    public static int score(int places, double freshShare, long reports, long rejected, long clamped, int stuck,
            int drift, int lotsCompared, int gaps) {
        if (places <= 0) {
            return 0;
        }
        double score = 50 * clamp(freshShare)
                + 15 * (1 - ratio(rejected, reports))
                + 10 * (1 - ratio(clamped, reports))
                + 10 * (1 - ratio(stuck, places))
                + 10 * (1 - ratio(drift, lotsCompared))
                + 5 * (1 - ratio(gaps, places));
        return (int) Math.round(Math.max(0, Math.min(100, score)));
    }

    static double ratio(long part, long whole) {
        return whole <= 0 ? 0 : clamp((double) part / whole);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
