package dev.citypark.search;

import java.time.Duration;
import java.time.Instant;

/**
 * Predicts a place's free count at a future arrival time from its recent counts. Implementations are stateless and
 * thread-safe; the name is reported with every prediction so a response says which predictor ranked it.
 */
public interface TrendPredictor {

    /** A stable name, e.g. "linear-trend-30m". */
    String name();

    /** How much history the predictor wants per place. */
    Duration window();

    /**
     * @param live     the current count with the samples of {@link #window()}
     * @param capacity spaces of the category at the place (the prediction never exceeds it)
     * @param arriveAt when the driver expects to arrive
     */
    Prediction predict(LiveCount live, int capacity, Instant arriveAt);
}
