package dev.citypark.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.core.GateId;
import dev.citypark.core.Money;

/**
 * What a transition announces, with every field of the {@code citypark.sessions.v1} schema (see ARCHITECTURE.md):
 * the stay's facts plus what the transition added.
 *
 * @param type       which transition
 * @param eventId    unique per event; consumers de-duplicate by it (the outbox publishes at least once)
 * @param stay       the session's entry facts
 * @param gate       the gate of this transition: the entry gate when opened, the exit gate afterwards
 * @param occurredAt when the transition happened (entry or exit observation time, or when it was paid, deferred,
 *                   written off)
 * @param exitAt     set from {@code SessionClosed} on
 * @param fee        set from {@code SessionClosed} on
 * @param paid       what was paid, set on {@code SessionSettled} and {@code SessionWrittenOff}
 * @param settlement how the fee is settled, when known
 */
public record SessionEvent(SessionEventType type, UUID eventId, Stay stay, Optional<GateId> gate, Instant occurredAt,
                           Optional<Instant> exitAt, Optional<Money> fee, Optional<Money> paid,
                           Optional<Settlement> settlement) {

    public SessionEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(stay, "stay");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(exitAt, "exitAt");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(settlement, "settlement");
    }

    static SessionEvent opened(Stay stay) {
        return new SessionEvent(SessionEventType.SessionOpened, Uuids.random(), stay, stay.entryGate(),
                stay.entryAt(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static SessionEvent after(SessionEventType type, Stay stay, Exit exit, Fee fee, Instant occurredAt,
            Optional<Money> paid, Optional<Settlement> settlement) {
        return new SessionEvent(type, Uuids.random(), stay, exit.gate(), occurredAt, Optional.of(exit.at()),
                Optional.of(fee.amount()), paid, settlement);
    }

    public SessionId sessionId() {
        return stay.id();
    }
}
