package dev.citypark.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.OperatorId;

/**
 * A record for the operator: something in the gate or bay events that does not add up.
 *
 * @param id         anomaly id
 * @param kind       what happened
 * @param operator   whose place
 * @param placeKind  lot or segment
 * @param placeId    the place
 * @param gate       the gate of the reading, if any
 * @param bay        the bay of the reading, if any
 * @param vehicle    the vehicle read
 * @param observedAt when
 * @param session    the session concerned, if any
 * @param detail     human explanation
 */
public record Anomaly(UUID id, AnomalyKind kind, OperatorId operator, PlaceKind placeKind, String placeId,
                      Optional<GateId> gate, Optional<BayId> bay, Vehicle vehicle, Instant observedAt,
                      Optional<SessionId> session, String detail) {

    public Anomaly {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(placeKind, "placeKind");
        Objects.requireNonNull(placeId, "placeId");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(bay, "bay");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(detail, "detail");
    }
}
