package dev.citypark.session;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The answer to a gate event or bay reading.
 *
 * @param verdict    what the barrier should do
 * @param session    the session concerned
 * @param status     its state after the event
 * @param created    true when the event opened a new session (an entry that was not a duplicate read)
 * @param fee        for an exit: the fee with its breakdown
 * @param settlement for a charged exit: how it is settled; empty for a free stay
 * @param bill       the bill of a charged exit
 * @param anomaly    the anomaly recorded for the operator, if any
 * @param reason     human explanation where the verdict needs one (why pay now, why an attendant)
 * @param locateCode for an entry that opened a session: its one-time locate code, to print on the ticket or show on
 *                   the gate screen (find-my-car for drivers without an account); empty otherwise (also for a
 *                   repeated entry read: only the code's hash is kept)
 */
public record GateDecision(Verdict verdict, Optional<SessionId> session, Optional<SessionStatus> status,
                           boolean created, Optional<Fee> fee, Optional<Settlement> settlement, Optional<UUID> bill,
                           Optional<UUID> anomaly, Optional<String> reason,
                           Optional<String> locateCode) {

    public GateDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(anomaly, "anomaly");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(locateCode, "locateCode");
    }

    /** A repeated entry read of an open session. */
    static GateDecision entered(Session.Active session) {
        return new GateDecision(Verdict.OPEN, Optional.of(session.id()), Optional.of(SessionStatus.ACTIVE), false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** An entry that opened a session, with the session's locate code. */
    static GateDecision opened(Session.Active session, String locateCode) {
        return new GateDecision(Verdict.OPEN, Optional.of(session.id()), Optional.of(SessionStatus.ACTIVE), true,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(locateCode));
    }

    /** The decision an ended session stands for (also for a repeated exit read). */
    static GateDecision ofEnded(Session session, Optional<UUID> bill, Optional<String> reason) {
        Verdict verdict = Verdict.OPEN;
        Optional<Fee> fee = Optional.empty();
        Optional<Settlement> settlement = Optional.empty();
        if (session instanceof Session.Closed closed) {
            fee = Optional.of(closed.fee());
            settlement = closed.awaiting();
            verdict = closed.awaiting().filter(s -> s == Settlement.PAY_NOW).isPresent() ? Verdict.PAY_NOW
                    : Verdict.OPEN;
        }
        else if (session instanceof Session.Unpaid unpaid) {
            fee = Optional.of(unpaid.fee());
            settlement = Optional.of(Settlement.DEFERRED);
        }
        else if (session instanceof Session.Settled settled) {
            fee = Optional.of(settled.fee());
            settlement = settled.settlement();
        }
        else if (session instanceof Session.WrittenOff off) {
            fee = Optional.of(off.fee());
            settlement = Optional.of(Settlement.DEFERRED);
        }
        return new GateDecision(verdict, Optional.of(session.id()), Optional.of(session.status()), false, fee,
                settlement, bill, Optional.empty(), reason, Optional.empty());
    }

    static GateDecision attendant(Anomaly anomaly) {
        return new GateDecision(Verdict.ATTENDANT, Optional.empty(), Optional.empty(), false, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(anomaly.id()), Optional.of(anomaly.detail()),
                Optional.empty());
    }
}
