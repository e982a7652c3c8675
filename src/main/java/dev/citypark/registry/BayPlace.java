package dev.citypark.registry;

import java.util.Optional;

import dev.citypark.core.LotId;
import dev.citypark.core.SegmentId;

/**
 * An individually known bay and the place it belongs to: exactly one of {@code lot} (a bay of an indoor garage) or
 * {@code segment} (an on-street bay).
 */
public record BayPlace(Bay bay, Optional<LotId> lot, Optional<SegmentId> segment) {

    public BayPlace {
        if (lot.isPresent() == segment.isPresent()) {
            throw new IllegalArgumentException("a bay belongs to exactly one lot or segment: " + bay.id());
        }
    }
}
