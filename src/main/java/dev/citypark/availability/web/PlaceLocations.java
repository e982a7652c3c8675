package dev.citypark.availability.web;

import dev.citypark.availability.PlaceRef;
import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.LatLon;
import dev.citypark.core.LotId;
import dev.citypark.core.SegmentId;
import dev.citypark.occupancy.PlaceKind;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

import java.util.LinkedHashSet;
import java.util.Set;

/** Where places are, from the registry: a point per place in the caller's crs, and the places in a box. */
@Component
class PlaceLocations {

    private final Registry registry;

    PlaceLocations(Registry registry) {
        this.registry = registry;
    }

    LatLon locate(PlaceRef place, Crs crs) {
        RegistrySnapshot city = registry.snapshot();
        GeoPoint point = place.kind() == PlaceKind.LOT
                ? city.findLot(LotId.of(place.id())).map(Lot::point).orElse(null)
                : city.findSegment(SegmentId.of(place.id())).map(PlaceLocations::pointOn).orElse(null);
        return point == null ? null : crs.fromWgs84(point);
    }

    private static GeoPoint pointOn(Segment segment) {
        return GeoPoint.fromJts(segment.geometry().getInteriorPoint().getCoordinate());
    }

    /** Every lot (by point) and segment (by its line's bounding box) in the box. */
    Set<PlaceRef> inBox(Envelope box) {
        RegistrySnapshot city = registry.snapshot();
        Set<PlaceRef> places = new LinkedHashSet<>();
        city.listLots(box, lot -> true, null, Integer.MAX_VALUE).forEach(l -> places.add(PlaceRef.lot(l.id().value())));
        city.listSegmentsIntersecting(box).forEach(s -> places.add(PlaceRef.segment(s.id().value())));
        return places;
    }
}
