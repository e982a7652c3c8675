package dev.citypark.availability.persistence;

import java.util.ArrayList;
import java.util.List;

import dev.citypark.availability.PlaceRef;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;

/** Every lot and segment of the registry: the places whose live state is snapshotted and rebuilt. */
@Component
class LivePlaces {

    private static final Envelope WHOLE_WORLD = new Envelope(-180, 180, -90, 90);

    private final Registry registry;

    LivePlaces(Registry registry) {
        this.registry = registry;
    }

    List<PlaceRef> all() {
        RegistrySnapshot city = registry.snapshot();
        List<PlaceRef> places = new ArrayList<>(city.lotCount() + city.segmentCount());
        city.listLots(null, lot -> true, null, Integer.MAX_VALUE).forEach(l -> places.add(PlaceRef.lot(l.id().value())));
        city.listSegmentsIntersecting(WHOLE_WORLD).forEach(s -> places.add(PlaceRef.segment(s.id().value())));
        return places;
    }
}
