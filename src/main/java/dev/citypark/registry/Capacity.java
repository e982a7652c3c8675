package dev.citypark.registry;

import dev.citypark.core.InvalidValueException;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many spaces of each {@link SpaceCategory} a lot has. Immutable; every category is present (missing ones count
 * zero) and no count is negative. Validation failures name the field {@code capacity.<CATEGORY>}.
 */
public final class Capacity {

    private final EnumMap<SpaceCategory, Integer> counts;
    private final int total;

    private Capacity(EnumMap<SpaceCategory, Integer> counts) {
        this.counts = counts;
        long sum = 0;
        for (int count : counts.values()) {
            sum += count;
        }
        if (sum > Integer.MAX_VALUE) {
            throw new InvalidValueException("capacity", "capacity total is too large: " + sum);
        }
        this.total = (int) sum;
    }

    /** From counts per category; categories not in the map count zero. */
    public static Capacity of(Map<SpaceCategory, Integer> counts) {
        Checks.require("capacity", counts);
        EnumMap<SpaceCategory, Integer> copy = new EnumMap<>(SpaceCategory.class);
        for (SpaceCategory category : SpaceCategory.values()) {
            Integer count = counts.get(category);
            int value = count == null ? 0 : count;
            if (value < 0) {
                throw new InvalidValueException("capacity." + category.name(),
                        "capacity." + category.name() + " must not be negative, was " + value);
            }
            copy.put(category, value);
        }
        return new Capacity(copy);
    }

    /** Only general spaces. */
    public static Capacity ofGeneral(int general) {
        return of(Map.of(SpaceCategory.GENERAL, general));
    }

    /** The number of bays of each category in {@code bays}. */
    public static Capacity countOf(Collection<Bay> bays) {
        EnumMap<SpaceCategory, Integer> counts = new EnumMap<>(SpaceCategory.class);
        for (Bay bay : bays) {
            counts.merge(bay.category(), 1, Integer::sum);
        }
        return of(counts);
    }

    public int count(SpaceCategory category) {
        return counts.get(category);
    }

    /** All spaces, whatever their category. */
    public int total() {
        return total;
    }

    /** Every category with its count, in enum order. */
    public Map<SpaceCategory, Integer> asMap() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    public Capacity plus(Capacity other) {
        EnumMap<SpaceCategory, Integer> sum = new EnumMap<>(SpaceCategory.class);
        for (SpaceCategory category : SpaceCategory.values()) {
            sum.put(category, Math.addExact(count(category), other.count(category)));
        }
        return new Capacity(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Capacity other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "Capacity" + counts;
    }
}
