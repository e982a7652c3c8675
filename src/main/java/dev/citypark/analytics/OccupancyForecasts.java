package dev.citypark.analytics;

import dev.citypark.core.LotId;
import reactor.core.publisher.Mono;

/**
 * Per-lot occupancy forecasts for other modules (search's {@code arriveAt} may use it): the next two hours in
 * 15-minute slots from the same slots of previous weeks scaled by the last two hours (see README, "Forecast").
 * Non-blocking; one database read per call.
 */
public interface OccupancyForecasts {

    /** The forecast made now; empty when the lot has no history (or the registry does not know it). */
    Mono<LotForecast> forecast(LotId lot);
}
