package dev.citypark.occupancy;

import java.util.HashMap;
import java.util.Map;

import dev.citypark.core.BayId;
import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;

/**
 * Places and bays of one registry snapshot, precomputed for the hot ingest path (a segment's capacity is counted
 * from its bays once, not per event). Immutable once built; rebuilt when the registry swaps its snapshot.
 */
final class PlaceIndex {

    record BayEntry(Place place, SpaceCategory category) {
    }

    private final RegistrySnapshot snapshot;
    private final Map<String, Place> lots = new HashMap<>();
    private final Map<String, Place> segments = new HashMap<>();
    private final Map<BayId, BayEntry> bays = new HashMap<>();

    PlaceIndex(RegistrySnapshot snapshot, Iterable<Lot> allLots, Iterable<Segment> allSegments) {
        this.snapshot = snapshot;
        for (Lot lot : allLots) {
            Place place = new Place(PlaceKind.LOT, lot.id().value(), lot.operator(), lot.capacity(),
                    lot.indoorModel() != null);
            lots.put(place.id(), place);
            if (lot.indoorModel() != null) {
                lot.indoorModel().bays().forEach(bay -> bays.put(bay.id(), new BayEntry(place, bay.category())));
            }
        }
        for (Segment segment : allSegments) {
            Place place = new Place(PlaceKind.SEGMENT, segment.id().value(), segment.operator(), segment.capacity(),
                    true);
            segments.put(place.id(), place);
            segment.bays().forEach(bay -> bays.put(bay.id(), new BayEntry(place, bay.category())));
        }
    }

    boolean isFor(RegistrySnapshot other) {
        return snapshot == other;
    }

    Place lot(String id) {
        return lots.get(id);
    }

    Place segment(String id) {
        return segments.get(id);
    }

    BayEntry bay(BayId id) {
        return bays.get(id);
    }
}
