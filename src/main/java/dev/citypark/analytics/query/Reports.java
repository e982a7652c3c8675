package dev.citypark.analytics.query;

import java.time.Instant;
import java.util.List;

/** The bureau's tabular answers (JSON; each also has a CSV form). */
public final class Reports {

    private Reports() {
    }

    /** Vehicles per space per day: sessions that entered in the window ÷ (capacity × days). */
    public record Turnover(String groupBy, Instant from, Instant to, double days, List<TurnoverRow> rows) {
    }

    public record TurnoverRow(String key, String name, long capacity, long sessions, Double turnover) {
    }

    /** Length of the stays that ended in the window, in minutes. */
    public record Dwell(String groupBy, Instant from, Instant to, List<DwellRow> rows) {
    }

    public record DwellRow(String key, String name, long sessions, double meanMinutes, double medianMinutes,
                           double p90Minutes) {
    }

    /** The busiest hour (local time, by mean occupancy rate) of each weekday. */
    public record Peaks(String groupBy, Instant from, Instant to, List<PeakRow> rows) {
    }

    public record PeakRow(String key, String name, List<WeekdayPeak> weekdays) {
    }

    /** @param weekday ISO day, 1 = Monday; @param hour local hour 0–23 */
    public record WeekdayPeak(int weekday, String day, int hour, double occupancyRate) {
    }

    /** Forecast accuracy per lot: mean absolute error of the stored predictions whose target time has passed. */
    public record Accuracy(Instant asOf, List<AccuracyRow> lots) {
    }

    public record AccuracyRow(String lotId, long predictions, double maeRate, double maeSpaces) {
    }
}
