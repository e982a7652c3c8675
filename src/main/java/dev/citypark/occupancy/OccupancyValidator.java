package dev.citypark.occupancy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.citypark.core.BayId;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.SpaceCategory;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Checks events against the current registry: the place exists, belongs to the reporting operator, the observation
 * is not from the future (beyond the allowed clock skew), and counts fit the capacity. Reports that do not fit are
 * refused, not clamped: a counter claiming more free spaces than the lot has is broken, and applying a clamped guess
 * would hide it. (Clamping is for derived counts — flows and gate events that would push a count below zero or above
 * capacity — and happens in the availability module.)
 * <p>
 * Thread-safe: it reads an immutable index of the current registry snapshot, rebuilt when the registry swaps it.
 */
@Component
public class OccupancyValidator {

    private static final Envelope WHOLE_WORLD = new Envelope(-180, 180, -90, 90);

    private final Supplier<RegistrySnapshot> registry;
    private final OccupancyProperties properties;
    private volatile PlaceIndex index;

    @Autowired
    public OccupancyValidator(Registry registry, OccupancyProperties properties) {
        this(registry::snapshot, properties);
    }

    OccupancyValidator(Supplier<RegistrySnapshot> registry, OccupancyProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    /** Checks one event at {@code now} (the receiving time, for the future-timestamp rule). */
    public Checked check(OccupancyEvent event, Instant now) {
        if (event.observedAt().isAfter(now.plus(properties.maxClockSkew()))) {
            return new Rejection(RejectReason.FUTURE_TIMESTAMP, "observedAt", "observedAt " + event.observedAt()
                    + " is more than " + properties.maxClockSkew().toMinutes() + " min in the future");
        }
        PlaceIndex places = index();
        if (event instanceof BayStatus bay) {
            PlaceIndex.BayEntry entry = places.bay(bay.bayId());
            if (entry == null) {
                return new Rejection(RejectReason.UNKNOWN_PLACE, "bayId", "bay " + bay.bayId()
                        + " is not in the registry");
            }
            if (!entry.place().operator().equals(bay.operatorId())) {
                return forbidden("bayId", "bay " + bay.bayId(), bay.operatorId());
            }
            return new ValidatedEvent(bay, entry.place(), entry.category());
        }
        LotId lotId = event instanceof LotCount count ? count.lotId() : ((LotFlow) event).lotId();
        Place lot = places.lot(lotId.value());
        if (lot == null) {
            return new Rejection(RejectReason.UNKNOWN_PLACE, "lotId", "lot " + lotId + " is not in the registry");
        }
        if (!lot.operator().equals(event.operatorId())) {
            return forbidden("lotId", "lot " + lotId, event.operatorId());
        }
        if (event instanceof LotCount count) {
            Rejection over = checkCapacity(count, lot.capacity());
            if (over != null) {
                return over;
            }
        }
        return new ValidatedEvent(event, lot, null);
    }

    private static Rejection checkCapacity(LotCount count, Capacity capacity) {
        Rejection over = overCapacity("free", count.free(), capacity);
        if (over == null) {
            over = overCapacity("occupied", count.occupied(), capacity);
        }
        if (over != null) {
            return over;
        }
        for (SpaceCategory category : SpaceCategory.values()) {
            Integer free = count.free().get(category);
            Integer occupied = count.occupied().get(category);
            if (free != null && occupied != null && free + occupied > capacity.count(category)) {
                return new Rejection(RejectReason.OVER_CAPACITY, "occupied." + category.name(), "free." + category
                        + " + occupied." + category + " = " + (free + occupied) + " exceeds the capacity "
                        + capacity.count(category) + " of lot " + count.lotId());
            }
        }
        return null;
    }

    private static Rejection overCapacity(String field, Map<SpaceCategory, Integer> counts, Capacity capacity) {
        for (Map.Entry<SpaceCategory, Integer> entry : counts.entrySet()) {
            int limit = capacity.count(entry.getKey());
            if (entry.getValue() > limit) {
                String name = field + "." + entry.getKey().name();
                return new Rejection(RejectReason.OVER_CAPACITY, name, name + " = " + entry.getValue()
                        + " exceeds the capacity " + limit + " of this category");
            }
        }
        return null;
    }

    private static Rejection forbidden(String field, String what, OperatorId operator) {
        return new Rejection(RejectReason.FORBIDDEN, field, what + " does not belong to operator " + operator);
    }

    /** The lot or segment with this id (lots first; ids are city-unique across both). */
    public Optional<Place> findPlace(String id) {
        PlaceIndex places = index();
        Place lot = places.lot(id);
        return Optional.ofNullable(lot != null ? lot : places.segment(id));
    }

    /** The lot or segment a bay belongs to. */
    public Optional<Place> findPlaceOfBay(BayId bayId) {
        return Optional.ofNullable(index().bay(bayId)).map(PlaceIndex.BayEntry::place);
    }

    /** The category of a bay, if the registry knows it. */
    public Optional<SpaceCategory> findBayCategory(BayId bayId) {
        return Optional.ofNullable(index().bay(bayId)).map(PlaceIndex.BayEntry::category);
    }

    private PlaceIndex index() {
        RegistrySnapshot snapshot = registry.get();
        PlaceIndex current = index;
        if (current == null || !current.isFor(snapshot)) {
            current = new PlaceIndex(snapshot, snapshot.listLots(null, lot -> true, null, Integer.MAX_VALUE),
                    snapshot.listSegmentsIntersecting(WHOLE_WORLD));
            index = current;
        }
        return current;
    }
}
