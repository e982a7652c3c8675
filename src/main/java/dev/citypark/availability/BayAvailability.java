package dev.citypark.availability;

import java.time.Instant;
import java.util.Objects;

import dev.citypark.core.BayId;
import dev.citypark.registry.SpaceCategory;

/**
 * One bay's live state.
 *
 * @param bay           the bay
 * @param place         the segment or garage it belongs to
 * @param category      its category
 * @param state         free, occupied, or unknown when stale or never reported
 * @param since         since when the sensor has reported this state (null if never reported)
 * @param observedAt    the latest report (null if never reported)
 * @param possiblyStuck the sensor has reported the same state for implausibly long
 */
public record BayAvailability(BayId bay, PlaceRef place, SpaceCategory category, BayState state, Instant since,
                              Instant observedAt, boolean possiblyStuck) {

    public BayAvailability {
        Objects.requireNonNull(bay, "bay");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(state, "state");
    }
}
