package dev.citypark.availability.live;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import dev.citypark.availability.AvailabilityFlag;
import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.BayAvailability;
import dev.citypark.availability.BayState;
import dev.citypark.availability.CategoryAvailability;
import dev.citypark.availability.CountSource;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.availability.PlaceRef;
import dev.citypark.core.BayId;
import dev.citypark.occupancy.Place;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.SpaceCategory;

/**
 * Turns a place's stored hash into what a reader sees at a given moment: stale bays and stale lot counts become
 * unknown (never free), the status runs through the {@link Hysteresis} with the stored status as the previous one,
 * and flags tell stale, clamped and possibly stuck apart. Capacity comes from the registry. Pure and thread-safe.
 */
public final class LiveView {

    private static final SpaceCategory[] CATEGORIES = SpaceCategory.values();
    /** {@code occ.<CATEGORY>} field names, built once rather than per place read. */
    private static final String[] OCCUPIED_FIELDS = java.util.Arrays.stream(CATEGORIES)
            .map(category -> "occ." + category.name()).toArray(String[]::new);

    private final Duration bayStaleAfter;
    private final Duration lotStaleAfter;
    private final Duration stuckAfter;
    private final Hysteresis hysteresis;

    public LiveView(AvailabilityProperties properties) {
        this(properties.bayStaleAfter(), properties.lotStaleAfter(), properties.stuckAfter(),
                Hysteresis.of(properties));
    }

    LiveView(Duration bayStaleAfter, Duration lotStaleAfter, Duration stuckAfter, Hysteresis hysteresis) {
        this.bayStaleAfter = bayStaleAfter;
        this.lotStaleAfter = lotStaleAfter;
        this.stuckAfter = stuckAfter;
        this.hysteresis = hysteresis;
    }

    /** The place as of {@code now}; {@code hash} is its Redis hash (empty if nothing was ever reported). */
    public PlaceAvailability place(Place place, Map<String, String> hash, Instant now) {
        PlaceRef ref = new PlaceRef(place.kind(), place.id());
        Capacity capacity = place.capacity();
        String mode = hash.get("mode");
        Instant updatedAt = instant(hash.get("upd"));
        AvailabilityStatus stored = status(hash.get("st"));
        if ("BAYS".equals(mode)) {
            return fromBays(ref, capacity, hash, stored, updatedAt, now);
        }
        if ("COUNTS".equals(mode)) {
            return fromCounts(ref, capacity, hash, stored, updatedAt, now);
        }
        return unknown(ref, capacity, updatedAt, CountSource.NONE);
    }

    private PlaceAvailability fromCounts(PlaceRef ref, Capacity capacity, Map<String, String> hash,
            AvailabilityStatus stored, Instant updatedAt, Instant now) {
        if (updatedAt == null || updatedAt.plus(lotStaleAfter).isBefore(now)) {
            return unknown(ref, capacity, updatedAt, CountSource.LOT_COUNTS);
        }
        Map<SpaceCategory, CategoryAvailability> categories = new EnumMap<>(SpaceCategory.class);
        int occupied = 0;
        for (SpaceCategory category : CATEGORIES) {
            int cap = capacity.count(category);
            int occ = Math.max(0, Math.min(cap, integer(hash.get(OCCUPIED_FIELDS[category.ordinal()]))));
            occupied += occ;
            if (cap > 0) {
                categories.put(category, new CategoryAvailability(cap, cap - occ, occ, 0));
            }
        }
        Set<AvailabilityFlag> flags = EnumSet.noneOf(AvailabilityFlag.class);
        if (hash.containsKey("clampAt")) {
            flags.add(AvailabilityFlag.CLAMPED);
        }
        AvailabilityStatus status = "1".equals(hash.get("closed")) ? AvailabilityStatus.CLOSED
                : hysteresis.next(stored, occupied, capacity.total());
        return new PlaceAvailability(ref, status, capacity.total(), capacity.total() - occupied, occupied, 0,
                categories, updatedAt, CountSource.LOT_COUNTS, flags);
    }

    private PlaceAvailability fromBays(PlaceRef ref, Capacity capacity, Map<String, String> hash,
            AvailabilityStatus stored, Instant updatedAt, Instant now) {
        int[] free = new int[CATEGORIES.length];
        int[] occupied = new int[CATEGORIES.length];
        Instant freshFrom = now.minus(bayStaleAfter);
        Instant stuckBefore = now.minus(stuckAfter);
        boolean stuck = false;
        for (Map.Entry<String, String> field : hash.entrySet()) {
            if (!field.getKey().startsWith("b.")) {
                continue;
            }
            BayReading bay = BayReading.parse(field.getValue());
            if (bay.observedAt().isBefore(freshFrom) || bay.categoryIndex() < 1
                    || bay.categoryIndex() > CATEGORIES.length) {
                continue;
            }
            int index = bay.categoryIndex() - 1;
            if (bay.occupied()) {
                occupied[index]++;
            }
            else {
                free[index]++;
            }
            stuck |= bay.since().isBefore(stuckBefore);
        }
        Map<SpaceCategory, CategoryAvailability> categories = new EnumMap<>(SpaceCategory.class);
        int totalFree = 0;
        int totalOccupied = 0;
        for (SpaceCategory category : CATEGORIES) {
            int cap = capacity.count(category);
            int occ = Math.min(occupied[category.ordinal()], cap);
            int fr = Math.min(free[category.ordinal()], cap - occ);
            totalFree += fr;
            totalOccupied += occ;
            if (cap > 0) {
                categories.put(category, new CategoryAvailability(cap, fr, occ, cap - occ - fr));
            }
        }
        int known = totalFree + totalOccupied;
        if (known == 0) {
            return unknown(ref, capacity, updatedAt, CountSource.BAY_SENSORS);
        }
        Set<AvailabilityFlag> flags = EnumSet.noneOf(AvailabilityFlag.class);
        if (known < capacity.total()) {
            flags.add(AvailabilityFlag.PARTLY_STALE);
        }
        if (stuck) {
            flags.add(AvailabilityFlag.POSSIBLY_STUCK_SENSOR);
        }
        return new PlaceAvailability(ref, hysteresis.next(stored, totalOccupied, known), capacity.total(),
                totalFree, totalOccupied, capacity.total() - known, categories, updatedAt, CountSource.BAY_SENSORS,
                flags);
    }

    private static PlaceAvailability unknown(PlaceRef ref, Capacity capacity, Instant updatedAt, CountSource source) {
        Map<SpaceCategory, CategoryAvailability> categories = new EnumMap<>(SpaceCategory.class);
        for (SpaceCategory category : CATEGORIES) {
            if (capacity.count(category) > 0) {
                categories.put(category, CategoryAvailability.unknown(capacity.count(category)));
            }
        }
        return new PlaceAvailability(ref, AvailabilityStatus.UNKNOWN, capacity.total(), 0, 0, capacity.total(),
                categories, updatedAt, source, EnumSet.of(AvailabilityFlag.STALE));
    }

    /** One bay as of {@code now}; {@code stored} is its field in the place hash, or null if never reported. */
    public BayAvailability bay(BayId bay, Place place, SpaceCategory category, String stored, Instant now) {
        PlaceRef ref = new PlaceRef(place.kind(), place.id());
        if (stored == null) {
            return new BayAvailability(bay, ref, category, BayState.UNKNOWN, null, null, false);
        }
        BayReading reading = BayReading.parse(stored);
        boolean fresh = !reading.observedAt().isBefore(now.minus(bayStaleAfter));
        BayState state = !fresh ? BayState.UNKNOWN : reading.occupied() ? BayState.OCCUPIED : BayState.FREE;
        boolean stuck = fresh && reading.since().isBefore(now.minus(stuckAfter));
        return new BayAvailability(bay, ref, category, state, reading.since(), reading.observedAt(), stuck);
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static int integer(String value) {
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static AvailabilityStatus status(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return AvailabilityStatus.valueOf(value);
    }
}
