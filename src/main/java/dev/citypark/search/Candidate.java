package dev.citypark.search;

import java.util.Objects;
import java.util.Optional;

import dev.citypark.core.GeoPoint;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;

/**
 * A place within the search radius that has spaces of the wanted category, before live availability is known.
 *
 * @param place          the place
 * @param name           the lot's name or the segment's road name
 * @param point          where to drive to: the lot's point, the nearest point of the segment's kerb line, the bay's
 *                       centre (WGS-84)
 * @param distanceMetres geodesic distance from the search point to {@code point}
 * @param capacity       spaces of the wanted category at the place (1 for a bay)
 * @param tariffId       the tariff that prices a stay here
 * @param operator       the operator running the place
 * @param districtCode   the district it lies in
 * @param segment        for a bay, its segment
 */
public record Candidate(PlaceRef place, String name, GeoPoint point, double distanceMetres, int capacity,
                        String tariffId, OperatorId operator, String districtCode, Optional<SegmentId> segment) {

    public Candidate {
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(tariffId, "tariffId");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(districtCode, "districtCode");
        Objects.requireNonNull(segment, "segment");
        if (!Double.isFinite(distanceMetres) || distanceMetres < 0) {
            throw new IllegalArgumentException("distance must be >= 0 metres, was " + distanceMetres);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("a candidate has at least one space of the category, " + place);
        }
    }
}
