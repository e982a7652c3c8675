package dev.citypark.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.core.Money;
import dev.citypark.core.OperatorId;

/**
 * What a charged session costs, to be paid: issued when a session with a fee closes, whatever the settlement (an
 * autopay bill is paid at once, a deferred one later, a pay-now one at the gate).
 *
 * @param id       the bill id
 * @param session  the session it bills
 * @param place    where the stay was
 * @param operator who runs the place
 * @param vehicle  the vehicle
 * @param amount   positive
 * @param status   unpaid, paid or written off
 * @param issuedAt when the vehicle left (its age counts for the credit rule)
 * @param paidAt   when it was paid
 */
public record Bill(UUID id, SessionId session, String place, OperatorId operator, Vehicle vehicle, Money amount,
                   BillStatus status, Instant issuedAt, Optional<Instant> paidAt) {

    public Bill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(vehicle, "vehicle");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(paidAt, "paidAt");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("a bill is for a positive amount, was " + amount);
        }
    }

    /** The bill of a closed session with a fee. */
    public static Bill issue(Session.Closed closed) {
        Stay stay = closed.stay();
        return new Bill(Uuids.random(), stay.id(), stay.place().id(), stay.place().operator(), stay.vehicle(),
                closed.fee().amount(), BillStatus.UNPAID, closed.exit().at(), Optional.empty());
    }
}
