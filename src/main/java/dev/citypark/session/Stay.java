package dev.citypark.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.registry.SpaceCategory;

/**
 * What is fixed about a session from its entry on: where, which vehicle, through which gate or on which bay, when.
 *
 * @param id        the session id
 * @param place     the lot or segment
 * @param vehicle   plate and colour
 * @param category  the kind of space it occupies: the bay's category when the bay is known, else {@code LARGE}
 *                  for yellow plates and {@code GENERAL} for the rest
 * @param entryGate the gate of a lot it entered through; empty on-street
 * @param bay       the bay, when a garage camera or an on-street sensor placed the car
 * @param entryAt   when it entered (the camera's or sensor's observation time)
 * @param evidence  the entry reading's confidence and image
 */
public record Stay(SessionId id, Place place, Vehicle vehicle, SpaceCategory category, Optional<GateId> entryGate,
                   Optional<BayId> bay, Instant entryAt, Evidence evidence) {

    public Stay {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(entryGate, "entryGate");
        Objects.requireNonNull(bay, "bay");
        Objects.requireNonNull(entryAt, "entryAt");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** The category a vehicle occupies when its bay is not known. */
    public static SpaceCategory categoryOf(Vehicle vehicle) {
        return vehicle.size() == dev.citypark.billing.VehicleSize.LARGE ? SpaceCategory.LARGE : SpaceCategory.GENERAL;
    }

    /** The same stay, now known to be on {@code newBay}. */
    public Stay onBay(BayId newBay, SpaceCategory bayCategory) {
        return new Stay(id, place, vehicle, bayCategory, entryGate, Optional.of(newBay), entryAt, evidence);
    }
}
