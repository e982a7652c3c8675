package dev.citypark.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.Plate;

/**
 * Where a vehicle stands now: its active session.
 *
 * @param session   the session id
 * @param plate     the vehicle
 * @param placeKind lot or on-street segment
 * @param placeId   the lot id or segment id
 * @param operator  who runs the place
 * @param entryGate the gate it entered a lot through
 * @param bay       the bay, when a garage camera or a street sensor placed it
 * @param since     when it entered
 */
public record ParkedVehicle(SessionId session, Plate plate, PlaceKind placeKind, String placeId, OperatorId operator,
                            Optional<GateId> entryGate, Optional<BayId> bay, Instant since) {

    public ParkedVehicle {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(placeKind, "placeKind");
        Objects.requireNonNull(placeId, "placeId");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(entryGate, "entryGate");
        Objects.requireNonNull(bay, "bay");
        Objects.requireNonNull(since, "since");
    }

    static ParkedVehicle of(Session.Active active) {
        Stay stay = active.stay();
        return new ParkedVehicle(stay.id(), stay.vehicle().plate(), stay.place().kind(), stay.place().id(),
                stay.place().operator(), stay.entryGate(), stay.bay(), stay.entryAt());
    }
}
