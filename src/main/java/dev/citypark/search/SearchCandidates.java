package dev.citypark.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.citypark.core.GeoBox;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.registry.Bay;
import dev.citypark.registry.Lot;
import dev.citypark.registry.OperatorKind;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import org.locationtech.jts.geom.Envelope;

/**
 * The candidate stage of a nearest-space search: every place within a geodesic radius of a point that has spaces of
 * the wanted category, nearest first, from the registry snapshot's STRtree indexes.
 * <ul>
 *     <li>The index window is {@link GeoBox#around}: the radius converted to degrees at that latitude with
 *     GeographicLib, so no place within the radius is missed and few outside it are looked at.</li>
 *     <li>Lots: distance from the point to the lot's point.</li>
 *     <li>Segments: distance to the nearest point of the kerb line (chosen in a {@link LocalPlane}, measured as a
 *     geodesic). A segment run by a
 *     sensor-gateway operator ({@link OperatorKind#SENSOR_GATEWAY}) has every bay sensed, so its bays are the
 *     candidates instead (distance to each bay's centre).</li>
 *     <li>Every distance is a WGS-84 geodesic (GeographicLib); the {@link LocalPlane} only skips places certainly
 *     beyond the radius before that computation. The list is ordered by distance, then kind and id, so equal inputs
 *     give equal output.</li>
 * </ul>
 * Stateless and thread-safe; the snapshot is immutable.
 */
public final class SearchCandidates {

    /** The largest search radius, in metres. */
    public static final int MAX_RADIUS_METRES = 5_000;

    /** Nearest first, then kind and id, so equal inputs give equal output. */
    static final Comparator<Candidate> NEAREST_FIRST = Comparator
            .comparingDouble(Candidate::distanceMetres)
            .thenComparing(c -> c.place().kind())
            .thenComparing(c -> c.place().id());

    private SearchCandidates() {
    }

    /**
     * Places within {@code radiusMetres} of {@code centre} with at least one space of {@code category}, nearest
     * first.
     *
     * @param kind only on-street or only off-street places, or both when empty
     * @throws InvalidValueException (field {@code radius}) unless 1 &le; radius &le; {@value #MAX_RADIUS_METRES}
     */
    public static List<Candidate> within(RegistrySnapshot snapshot, GeoPoint centre, double radiusMetres,
                                         Optional<ParkingKind> kind, SpaceCategory category) {
        NearestCandidates nearest = nearest(snapshot, centre, radiusMetres, kind, category);
        return nearest.first(nearest.size());
    }

    /**
     * The same places as {@link #within}, in the same order, but their geodesic distances are computed only as far
     * as {@link NearestCandidates#first} is asked (and, for {@link NearestCandidates#size}, only near the radius):
     * the plane distance bounds the geodesic one ({@link LocalPlane#MAX_RELATIVE_ERROR}), so farther places need not
     * be measured to know that they are farther.
     *
     * @throws InvalidValueException (field {@code radius}) unless 1 &le; radius &le; {@value #MAX_RADIUS_METRES}
     */
    public static NearestCandidates nearest(RegistrySnapshot snapshot, GeoPoint centre, double radiusMetres,
                                            Optional<ParkingKind> kind, SpaceCategory category) {
        if (!(radiusMetres >= 1 && radiusMetres <= MAX_RADIUS_METRES)) {
            throw new InvalidValueException("radius",
                    "radius must be between 1 and " + MAX_RADIUS_METRES + " metres, was " + radiusMetres);
        }
        Envelope window = GeoBox.around(centre, radiusMetres);
        LocalPlane plane = new LocalPlane(centre);
        List<NearestCandidates.Pending> found = new ArrayList<>();
        if (kind.isEmpty() || kind.get() == ParkingKind.OFF_STREET) {
            addLots(snapshot, plane, radiusMetres, category, window, found);
        }
        if (kind.isEmpty() || kind.get() == ParkingKind.ON_STREET) {
            addStreet(snapshot, plane, radiusMetres, category, window, found);
        }
        return new NearestCandidates(plane, radiusMetres, found);
    }

    private static void addLots(RegistrySnapshot snapshot, LocalPlane plane, double radius, SpaceCategory category,
                                Envelope window, List<NearestCandidates.Pending> found) {
        for (Lot lot : snapshot.listLots(window, l -> l.capacity().count(category) > 0, null, Integer.MAX_VALUE)) {
            double planeMetres = plane.planeMetres(lot.point().asJtsCoordinate());
            if (plane.certainlyBeyond(planeMetres, radius)) {
                continue;
            }
            found.add(new NearestCandidates.Pending(new PlaceRef(PlaceKind.LOT, lot.id().value()), lot.name(),
                    lot.point(), lot.point().lat(), lot.point().lon(), planeMetres, lot.capacity().count(category),
                    lot.tariffId(), lot.operator(), lot.districtCode(), Optional.empty()));
        }
    }

    private static void addStreet(RegistrySnapshot snapshot, LocalPlane plane, double radius,
                                  SpaceCategory category, Envelope window, List<NearestCandidates.Pending> found) {
        for (Segment segment : snapshot.listSegmentsIntersecting(window)) {
            int spaces = 0;
            for (Bay bay : segment.bays()) {
                spaces += bay.category() == category ? 1 : 0;
            }
            if (spaces == 0) {
                continue;
            }
            if (isBaySensed(snapshot, segment)) {
                for (Bay bay : segment.bays()) {
                    if (bay.category() != category) {
                        continue;
                    }
                    double planeMetres = plane.planeMetres(bay.point().asJtsCoordinate());
                    if (plane.certainlyBeyond(planeMetres, radius)) {
                        continue;
                    }
                    found.add(new NearestCandidates.Pending(new PlaceRef(PlaceKind.BAY, bay.id().value()),
                            segment.roadName(), bay.point(), bay.point().lat(), bay.point().lon(), planeMetres, 1,
                            segment.tariffId(), segment.operator(), segment.districtCode(),
                            Optional.of(segment.id())));
                }
            }
            else {
                LocalPlane.Nearest nearest = plane.nearestOn(segment.geometry());
                if (plane.certainlyBeyond(nearest.planeMetres(), radius)) {
                    continue;
                }
                // the distance is measured to the unrounded point on the kerb; the reported point is rounded
                found.add(new NearestCandidates.Pending(new PlaceRef(PlaceKind.SEGMENT, segment.id().value()),
                        segment.roadName(), null, nearest.lat(), nearest.lon(), nearest.planeMetres(), spaces,
                        segment.tariffId(), segment.operator(), segment.districtCode(), Optional.empty()));
            }
        }
    }

    /** Whether every bay of the segment reports on its own (the segment is run by a sensor gateway). */
    static boolean isBaySensed(RegistrySnapshot snapshot, Segment segment) {
        return snapshot.findOperator(segment.operator())
                .map(operator -> operator.kind() == OperatorKind.SENSOR_GATEWAY)
                .orElse(false);
    }
}
