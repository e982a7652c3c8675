package dev.citypark.registry;

import dev.citypark.core.BayId;
import dev.citypark.core.GeoPoint;

import java.util.Optional;

/**
 * One parking bay: on a street segment ({@code floor} 0, no zone) or inside a garage's {@link IndoorModel} (its
 * floor level and zone). Bay ids are city-unique across streets and garages.
 *
 * @param id       city-unique bay id
 * @param category what the bay is for
 * @param point    centre of the bay (WGS-84)
 * @param floor    floor level inside a garage (e.g. -2 for B2, 3 for L3); 0 for on-street bays
 * @param zoneId   the garage zone (e.g. "B2-C"), or {@code null} on the street
 */
public record Bay(BayId id, SpaceCategory category, GeoPoint point, int floor, String zoneId) {

    public Bay {
        Checks.require("id", id);
        Checks.require("category", category);
        Checks.require("point", point);
        if (zoneId != null) {
            Checks.localId("zone", zoneId);
        }
    }

    /** An on-street bay: floor 0, no zone. */
    public static Bay onStreet(BayId id, SpaceCategory category, GeoPoint point) {
        return new Bay(id, category, point, 0, null);
    }

    public Optional<String> findZoneId() {
        return Optional.ofNullable(zoneId);
    }
}
