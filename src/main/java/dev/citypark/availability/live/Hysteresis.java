package dev.citypark.availability.live;

import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.AvailabilityStatus;

/**
 * The status rule, with hysteresis so screens do not flicker around a threshold: a place turns ALMOST_FULL at
 * {@code almostFullAt} occupancy and back to OPEN only at or below {@code almostFullClearsAt}; it turns FULL with no
 * free space and leaves FULL only with {@code fullClearsAtFree} free spaces (or all of them, for tiny places).
 * <p>
 * The apply script ({@code apply.lua}) runs the same rule when it stores a place's status; reads run it again with
 * the stored status as the previous one and the counts that are fresh at read time. Pure and thread-safe.
 */
public final class Hysteresis {

    private final double almostFullAt;
    private final double almostFullClearsAt;
    private final int fullClearsAtFree;

    public Hysteresis(double almostFullAt, double almostFullClearsAt, int fullClearsAtFree) {
        this.almostFullAt = almostFullAt;
        this.almostFullClearsAt = almostFullClearsAt;
        this.fullClearsAtFree = fullClearsAtFree;
    }

    public static Hysteresis of(AvailabilityProperties properties) {
        return new Hysteresis(properties.almostFullAt(), properties.almostFullClearsAt(),
                properties.fullClearsAtFree());
    }

    /**
     * The status after {@code previous} given {@code occupied} of {@code known} spaces (known: spaces whose state is
     * known). {@code previous} may be null (no status yet).
     */
    public AvailabilityStatus next(AvailabilityStatus previous, int occupied, int known) {
        if (known <= 0) {
            return AvailabilityStatus.UNKNOWN;
        }
        int free = known - occupied;
        if (free <= 0) {
            return AvailabilityStatus.FULL;
        }
        if (previous == AvailabilityStatus.FULL && free < Math.min(fullClearsAtFree, known)) {
            return AvailabilityStatus.FULL;
        }
        double ratio = (double) occupied / known;
        if (ratio >= almostFullAt) {
            return AvailabilityStatus.ALMOST_FULL;
        }
        if ((previous == AvailabilityStatus.FULL || previous == AvailabilityStatus.ALMOST_FULL)
                && ratio > almostFullClearsAt) {
            return AvailabilityStatus.ALMOST_FULL;
        }
        return AvailabilityStatus.OPEN;
    }

    /** Script arguments 8..10 in {@code apply.lua}. */
    String[] scriptArguments() {
        return new String[] {Double.toString(almostFullAt), Double.toString(almostFullClearsAt),
                Integer.toString(fullClearsAtFree)};
    }
}
