package dev.citypark.availability.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.availability.BayAvailability;
import dev.citypark.availability.CategoryAvailability;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.core.LatLon;

/**
 * A place's live availability as the API shows it.
 *
 * @param id         lot or segment id
 * @param kind       LOT or SEGMENT
 * @param status     OPEN, ALMOST_FULL, FULL, CLOSED or UNKNOWN
 * @param capacity   all spaces
 * @param free       spaces known to be free (unknown ones are never counted free)
 * @param occupied   spaces known to be occupied
 * @param unknown    spaces without a fresh report
 * @param categories per category: capacity, free, occupied, unknown
 * @param updatedAt  the latest observation applied (null: never reported)
 * @param source     LOT_COUNTS, BAY_SENSORS or NONE
 * @param flags      STALE, PARTLY_STALE, CLAMPED, POSSIBLY_STUCK_SENSOR
 * @param location   the lot's point or a point on the segment, in the request's crs
 */
record PlaceView(String id, String kind, String status, int capacity, int free, int occupied, int unknown,
                 Map<String, CategoryAvailability> categories, Instant updatedAt, String source, List<String> flags,
                 LatLon location) {

    static PlaceView of(PlaceAvailability place, LatLon location) {
        Map<String, CategoryAvailability> categories = new LinkedHashMap<>();
        place.categories().forEach((category, counts) -> categories.put(category.name(), counts));
        return new PlaceView(place.place().id(), place.place().kind().name(), place.status().name(),
                place.capacity(), place.free(), place.occupied(), place.unknown(), categories, place.updatedAt(),
                place.source().name(), place.flags().stream().map(Enum::name).sorted().toList(), location);
    }

    /**
     * A bay's live state.
     *
     * @param id            bay id
     * @param placeKind     LOT (garage bay) or SEGMENT (on-street bay)
     * @param placeId       its lot or segment
     * @param category      bay category
     * @param state         FREE, OCCUPIED or UNKNOWN (stale or never reported)
     * @param since         since when the sensor reports this state
     * @param observedAt    the latest report
     * @param possiblyStuck the sensor has reported the same state for implausibly long
     */
    record BayView(String id, String placeKind, String placeId, String category, String state, Instant since,
                   Instant observedAt, boolean possiblyStuck) {

        static BayView of(BayAvailability bay) {
            return new BayView(bay.bay().value(), bay.place().kind().name(), bay.place().id(), bay.category().name(),
                    bay.state().name(), bay.since(), bay.observedAt(), bay.possiblyStuck());
        }
    }
}
