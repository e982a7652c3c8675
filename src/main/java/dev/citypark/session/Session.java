package dev.citypark.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.citypark.core.ConflictException;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;

/**
 * A parking session, one type per state:
 * <pre>
 *   Active ──close──▶ Closed ──settle / settleFree──▶ Settled
 *                       │
 *                       └──defer──▶ Unpaid ──settle──▶ Settled
 *                                      └──writeOff──▶ WrittenOff
 * </pre>
 * Each transition is a method of the state it leaves, so a transition from the wrong state does not compile; the
 * method checks its own preconditions (exit not before entry, the amount paid equals the fee) and returns the new
 * state with the events announcing it ({@link Transition}). Immutable.
 */
public sealed interface Session {

    Stay stay();

    SessionStatus status();

    default SessionId id() {
        return stay().id();
    }

    /** Opens a session for a vehicle that entered. */
    static Transition<Active> open(Stay stay) {
        return new Transition<>(new Active(stay), List.of(SessionEvent.opened(stay)));
    }

    /** The vehicle is inside (or on the bay). */
    record Active(Stay stay) implements Session {

        public Active {
            Objects.requireNonNull(stay, "stay");
        }

        @Override
        public SessionStatus status() {
            return SessionStatus.ACTIVE;
        }

        /**
         * The vehicle left; the fee is fixed.
         *
         * @throws InvalidValueException (field {@code observedAt}) when the exit is before the entry
         */
        public Transition<Closed> close(Exit exit, Fee fee) {
            Objects.requireNonNull(exit, "exit");
            Objects.requireNonNull(fee, "fee");
            if (exit.at().isBefore(stay.entryAt())) {
                throw new InvalidValueException("observedAt", "exit at " + exit.at()
                        + " is earlier than the session's entry at " + stay.entryAt());
            }
            Closed closed = new Closed(stay, exit, fee, Optional.empty());
            return new Transition<>(closed, List.of(SessionEvent.after(SessionEventType.SessionClosed, stay, exit,
                    fee, exit.at(), Optional.empty(), Optional.empty())));
        }
    }

    /**
     * The vehicle left and the fee is fixed, not yet paid nor deferred.
     *
     * @param awaiting how the fee is being collected while it is: {@code PAY_NOW} (the gate waits for the driver),
     *                 {@code AUTOPAY} (the payment provider has not confirmed yet), or empty
     */
    record Closed(Stay stay, Exit exit, Fee fee, Optional<Settlement> awaiting) implements Session {

        public Closed {
            Objects.requireNonNull(stay, "stay");
            Objects.requireNonNull(exit, "exit");
            Objects.requireNonNull(fee, "fee");
            Objects.requireNonNull(awaiting, "awaiting");
            if (awaiting.isPresent() && awaiting.get() == Settlement.DEFERRED) {
                throw new IllegalArgumentException("a deferred session is Unpaid, not Closed");
            }
        }

        @Override
        public SessionStatus status() {
            return SessionStatus.CLOSED;
        }

        /** Records how the fee is being collected; no event, the state stays {@code Closed}. */
        public Closed awaiting(Settlement how) {
            return new Closed(stay, exit, fee, Optional.of(how));
        }

        /**
         * A free stay: nothing to pay.
         *
         * @throws ConflictException when the fee is not zero
         */
        public Transition<Settled> settleFree(Instant at) {
            if (!fee.isZero()) {
                throw new ConflictException("session " + stay.id() + " costs " + fee.amount() + ", it is not free");
            }
            return settled(Money.ZERO, Optional.empty(), at);
        }

        /**
         * The fee was paid in full, by {@code how}.
         *
         * @throws ConflictException when {@code paid} is not the fee or the fee is zero
         */
        public Transition<Settled> settle(Settlement how, Money paid, Instant at) {
            Objects.requireNonNull(how, "how");
            if (how == Settlement.DEFERRED) {
                throw new IllegalArgumentException("a Closed session is settled by AUTOPAY or PAY_NOW; defer() first");
            }
            requireFullPayment(stay, fee, paid);
            return settled(paid, Optional.of(how), at);
        }

        /**
         * Pay after exit: the fee becomes a bill and the vehicle may leave.
         *
         * @throws ConflictException when the fee is zero (a free stay is settled, not deferred)
         */
        public Transition<Unpaid> defer(Instant at) {
            Objects.requireNonNull(at, "at");
            if (fee.isZero()) {
                throw new ConflictException("session " + stay.id() + " is free; settle it instead of deferring");
            }
            Unpaid unpaid = new Unpaid(stay, exit, fee, at);
            return new Transition<>(unpaid, List.of(SessionEvent.after(SessionEventType.SessionDeferred, stay, exit,
                    fee, at, Optional.empty(), Optional.of(Settlement.DEFERRED))));
        }

        private Transition<Settled> settled(Money paid, Optional<Settlement> how, Instant at) {
            Objects.requireNonNull(at, "at");
            Settled settled = new Settled(stay, exit, fee, paid, how, at);
            return new Transition<>(settled, List.of(SessionEvent.after(SessionEventType.SessionSettled, stay, exit,
                    fee, at, Optional.of(paid), how)));
        }
    }

    /** Deferred (先离场后付费): the vehicle left, a bill is open. */
    record Unpaid(Stay stay, Exit exit, Fee fee, Instant deferredAt) implements Session {

        public Unpaid {
            Objects.requireNonNull(stay, "stay");
            Objects.requireNonNull(exit, "exit");
            Objects.requireNonNull(fee, "fee");
            Objects.requireNonNull(deferredAt, "deferredAt");
        }

        @Override
        public SessionStatus status() {
            return SessionStatus.UNPAID;
        }

        /**
         * The bill was paid in full.
         *
         * @throws ConflictException when {@code paid} is not the fee
         */
        public Transition<Settled> settle(Money paid, Instant at) {
            Objects.requireNonNull(at, "at");
            requireFullPayment(stay, fee, paid);
            Settled settled = new Settled(stay, exit, fee, paid, Optional.of(Settlement.DEFERRED), at);
            return new Transition<>(settled, List.of(SessionEvent.after(SessionEventType.SessionSettled, stay, exit,
                    fee, at, Optional.of(paid), Optional.of(Settlement.DEFERRED))));
        }

        /** The operator gives up on the bill. */
        public Transition<WrittenOff> writeOff(Instant at, String reason) {
            Objects.requireNonNull(at, "at");
            if (reason == null || reason.isBlank() || reason.length() > 500) {
                throw new InvalidValueException("reason", "a write-off needs a reason of 1-500 characters");
            }
            WrittenOff off = new WrittenOff(stay, exit, fee, at, reason.strip());
            return new Transition<>(off, List.of(SessionEvent.after(SessionEventType.SessionWrittenOff, stay, exit,
                    fee, at, Optional.of(Money.ZERO), Optional.of(Settlement.DEFERRED))));
        }
    }

    /**
     * Paid (or free). Final.
     *
     * @param settlement how it was paid; empty for a free stay
     */
    record Settled(Stay stay, Exit exit, Fee fee, Money paid, Optional<Settlement> settlement, Instant settledAt)
            implements Session {

        public Settled {
            Objects.requireNonNull(stay, "stay");
            Objects.requireNonNull(exit, "exit");
            Objects.requireNonNull(fee, "fee");
            Objects.requireNonNull(paid, "paid");
            Objects.requireNonNull(settlement, "settlement");
            Objects.requireNonNull(settledAt, "settledAt");
        }

        @Override
        public SessionStatus status() {
            return SessionStatus.SETTLED;
        }
    }

    /** The operator gave up on the bill. Final. */
    record WrittenOff(Stay stay, Exit exit, Fee fee, Instant writtenOffAt, String reason) implements Session {

        public WrittenOff {
            Objects.requireNonNull(stay, "stay");
            Objects.requireNonNull(exit, "exit");
            Objects.requireNonNull(fee, "fee");
            Objects.requireNonNull(writtenOffAt, "writtenOffAt");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public SessionStatus status() {
            return SessionStatus.WRITTEN_OFF;
        }
    }

    private static void requireFullPayment(Stay stay, Fee fee, Money paid) {
        Objects.requireNonNull(paid, "paid");
        if (fee.isZero()) {
            throw new ConflictException("session " + stay.id() + " is free; there is nothing to pay");
        }
        if (!paid.equals(fee.amount())) {
            throw new ConflictException("session " + stay.id() + " costs " + fee.amount() + ", paid " + paid);
        }
    }
}
