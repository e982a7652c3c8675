package dev.citypark.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A lot's forecast.
 *
 * @param lotId    the lot
 * @param madeAt   when it was made
 * @param capacity the lot's spaces
 * @param method   the predictor's name ({@value #METHOD})
 * @param steps    one per 15-minute slot, in time order (slots without any data are left out)
 */
public record LotForecast(String lotId, Instant madeAt, int capacity, String method, List<Step> steps) {

    public static final String METHOD = "weekly-profile-scaled";

    /**
     * @param slot             the start of the 15-minute slot
     * @param occupancyRate    predicted mean occupancy rate, 0..1
     * @param expectedOccupied occupancyRate × capacity
     * @param expectedFree     capacity − expectedOccupied
     */
    public record Step(Instant slot, double occupancyRate, double expectedOccupied, double expectedFree) {
    }

    public LotForecast {
        Objects.requireNonNull(lotId, "lotId");
        steps = List.copyOf(steps);
    }
}
