package dev.citypark.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.citypark.core.GeoPoint;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;

/**
 * The candidates of one search ({@link SearchCandidates#nearest}), nearest first by WGS-84 geodesic distance, measured
 * lazily. Every place not certainly beyond the radius is known with its distance in the search's {@link LocalPlane};
 * that distance is within {@link LocalPlane#MAX_RELATIVE_ERROR} of the geodesic one, so:
 * <ul>
 *     <li>{@link #first(int)} measures places in plane order and stops as soon as the next place's smallest possible
 *     geodesic distance is beyond the n-th nearest measured so far — the answer is exactly the first n of the fully
 *     measured, sorted list;</li>
 *     <li>{@link #size()} measures only the places whose plane distance does not already tell whether they are
 *     within the radius.</li>
 * </ul>
 * Not thread-safe: one per query, used by one subscriber at a time.
 */
public final class NearestCandidates {

    /** Twice the plane's tested bound, and a centimetre, so rounding never decides. */
    private static final double RELATIVE_MARGIN = 2 * LocalPlane.MAX_RELATIVE_ERROR;
    private static final double ABSOLUTE_MARGIN = 0.01;

    private final LocalPlane plane;
    private final double radius;
    /** Every place not certainly beyond the radius, by plane distance. */
    private final Pending[] pending;
    /** {@code pending[0, measured)} have their geodesic distance. */
    private int measured;
    /** The measured places within the radius, in {@link SearchCandidates#NEAREST_FIRST} order. */
    private final List<Candidate> ready = new ArrayList<>();
    private int size = -1;

    NearestCandidates(LocalPlane plane, double radius, List<Pending> places) {
        this.plane = plane;
        this.radius = radius;
        this.pending = places.toArray(Pending[]::new);
        Arrays.sort(pending, Comparator.comparingDouble(Pending::planeMetres));
    }

    /** How many places are within the radius. */
    public int size() {
        if (size < 0) {
            int count = 0;
            for (Pending place : pending) {
                if (place.planeMetres() / (1 - RELATIVE_MARGIN) + ABSOLUTE_MARGIN <= radius) {
                    count++;
                }
                else if (place.planeMetres() / (1 + RELATIVE_MARGIN) - ABSOLUTE_MARGIN <= radius
                        && geodesic(place) <= radius) {
                    count++;
                }
            }
            size = count;
        }
        return size;
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The {@code n} nearest places within the radius (fewer if there are fewer), nearest first. */
    public List<Candidate> first(int n) {
        if (n < 1) {
            return List.of();
        }
        while (measured < pending.length && !(ready.size() >= n
                && lowestGeodesic(pending[measured]) > ready.get(n - 1).distanceMetres())) {
            Pending place = pending[measured++];
            double metres = geodesic(place);
            if (metres <= radius) {
                Candidate candidate = place.candidate(metres);
                int at = Collections.binarySearch(ready, candidate, SearchCandidates.NEAREST_FIRST);
                ready.add(at < 0 ? -at - 1 : at, candidate);
            }
        }
        return List.copyOf(ready.subList(0, Math.min(n, ready.size())));
    }

    /** How many places have been measured geodesically so far (for tests and benchmarks). */
    int measured() {
        return measured;
    }

    private static double lowestGeodesic(Pending place) {
        return place.planeMetres() / (1 + RELATIVE_MARGIN) - ABSOLUTE_MARGIN;
    }

    private double geodesic(Pending place) {
        if (Double.isNaN(place.geodesicMetres)) {
            place.geodesicMetres = plane.geodesicMetres(place.lat(), place.lon());
        }
        return place.geodesicMetres;
    }

    /** A place found in the index, before its geodesic distance is known. */
    static final class Pending {

        private final PlaceRef place;
        private final String name;
        private final GeoPoint point;
        private final double lat;
        private final double lon;
        private final double planeMetres;
        private final int capacity;
        private final String tariffId;
        private final OperatorId operator;
        private final String districtCode;
        private final Optional<SegmentId> segment;
        private double geodesicMetres = Double.NaN;

        /**
         * @param point where to drive to, or null for the point {@code lat, lon} rounded to a {@link GeoPoint}
         * @param lat   the exact latitude the distance is measured to (the nearest point of a kerb is not rounded)
         */
        Pending(PlaceRef place, String name, GeoPoint point, double lat, double lon, double planeMetres,
                int capacity, String tariffId, OperatorId operator, String districtCode,
                Optional<SegmentId> segment) {
            this.place = place;
            this.name = name;
            this.point = point;
            this.lat = lat;
            this.lon = lon;
            this.planeMetres = planeMetres;
            this.capacity = capacity;
            this.tariffId = tariffId;
            this.operator = operator;
            this.districtCode = districtCode;
            this.segment = segment;
        }

        double planeMetres() {
            return planeMetres;
        }

        double lat() {
            return lat;
        }

        double lon() {
            return lon;
        }

        Candidate candidate(double metres) {
            return new Candidate(place, name, point != null ? point : GeoPoint.of(lat, lon), metres, capacity,
                    tariffId, operator, districtCode, segment);
        }
    }
}
