package dev.citypark.analytics.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.citypark.availability.AppliedPlaceState;

/**
 * A place's state as analytics keeps it: what was observed at {@code observedAt}, per category.
 *
 * @param stale the state was already stale when it was applied: its whole interval counts as unknown
 */
public record PlaceState(String placeId, String kind, String operatorId, String districtCode, Instant observedAt,
                         boolean stale, List<CategoryState> categories) {

    /** One category's counts; {@code capacity - unknown} spaces are known, {@code occupied} of them occupied. */
    public record CategoryState(String category, int capacity, int occupied, int unknown) {

        public CategoryState {
            Objects.requireNonNull(category, "category");
            if (capacity < 0 || occupied < 0 || unknown < 0 || occupied + unknown > capacity) {
                throw new IllegalArgumentException("inconsistent counts for " + category);
            }
        }
    }

    public PlaceState {
        Objects.requireNonNull(placeId, "placeId");
        Objects.requireNonNull(observedAt, "observedAt");
        categories = List.copyOf(categories);
    }

    /**
     * The state as observed. The message's {@code stale} flag (the observation was already old when availability
     * applied it: a late or replayed event) is not a reason to discount it here — history is about when things were
     * observed, and staleness over time follows from the gaps between observations.
     */
    public static PlaceState of(AppliedPlaceState applied) {
        List<CategoryState> categories = new ArrayList<>();
        applied.categories().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> categories.add(new CategoryState(e.getKey().name(), e.getValue().capacity(),
                        e.getValue().occupied(), e.getValue().unknown())));
        return new PlaceState(applied.place().id(), applied.place().kind().name(), applied.operatorId(),
                applied.districtCode(), applied.observedAt(), false, categories);
    }
}
