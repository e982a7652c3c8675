package dev.citypark.search;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.registry.SpaceCategory;

/**
 * A driver's "nearest free space" question. Validated on construction; failures name the API parameter.
 *
 * @param point        where to search around (WGS-84)
 * @param radiusMetres search radius, 1..{@value SearchCandidates#MAX_RADIUS_METRES} ({@code radius})
 * @param limit        most places to return, 1..{@value #MAX_LIMIT} ({@code limit})
 * @param kind         only on-street or only off-street places; empty for both
 * @param category     the kind of space wanted
 * @param stay         price a stay this long (whole minutes, 1 minute..{@value #MAX_STAY_DAYS} days,
 *                     {@code stayMinutes}); empty for no price
 * @param arriveAt     when the driver expects to arrive: rank by the predicted availability then; empty for now
 */
public record NearestQuery(GeoPoint point, int radiusMetres, int limit, Optional<ParkingKind> kind,
                           SpaceCategory category, Optional<Duration> stay, Optional<Instant> arriveAt) {

    public static final int MAX_LIMIT = 50;
    public static final int MAX_STAY_DAYS = 7;

    public NearestQuery {
        if (point == null) {
            throw new InvalidValueException("lat", "lat and lon are required");
        }
        if (radiusMetres < 1 || radiusMetres > SearchCandidates.MAX_RADIUS_METRES) {
            throw new InvalidValueException("radius", "radius must be between 1 and "
                    + SearchCandidates.MAX_RADIUS_METRES + " metres, was " + radiusMetres);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        Objects.requireNonNull(kind, "kind");
        if (category == null) {
            throw new InvalidValueException("category", "category is required");
        }
        Objects.requireNonNull(stay, "stay");
        stay.ifPresent(NearestQuery::checkStay);
        Objects.requireNonNull(arriveAt, "arriveAt");
    }

    private static void checkStay(Duration stay) {
        if (stay.toSecondsPart() != 0 || stay.getNano() != 0 || stay.toMinutes() < 1
                || stay.compareTo(Duration.ofDays(MAX_STAY_DAYS)) > 0) {
            throw new InvalidValueException("stayMinutes", "stayMinutes must be a whole number of minutes between 1"
                    + " and " + Duration.ofDays(MAX_STAY_DAYS).toMinutes() + ", was " + stay);
        }
    }

    /** Nearest general spaces of any kind, without price or arrival time. */
    public static NearestQuery around(GeoPoint point, int radiusMetres, int limit) {
        return new NearestQuery(point, radiusMetres, limit, Optional.empty(), SpaceCategory.GENERAL,
                Optional.empty(), Optional.empty());
    }

    public NearestQuery withKind(ParkingKind newKind) {
        return new NearestQuery(point, radiusMetres, limit, Optional.of(newKind), category, stay, arriveAt);
    }

    public NearestQuery withCategory(SpaceCategory newCategory) {
        return new NearestQuery(point, radiusMetres, limit, kind, newCategory, stay, arriveAt);
    }

    public NearestQuery withStayMinutes(long minutes) {
        return new NearestQuery(point, radiusMetres, limit, kind, category, Optional.of(Duration.ofMinutes(minutes)),
                arriveAt);
    }

    public NearestQuery withArriveAt(Instant at) {
        return new NearestQuery(point, radiusMetres, limit, kind, category, stay, Optional.of(at));
    }
}
