package dev.citypark.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.core.ConflictException;
import dev.citypark.core.GateId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.SpaceCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Turns gate events and bay readings into sessions and answers the gate.
 * <ul>
 *   <li><b>Entry</b>: opens a session; a second read of the same plate within the duplicate window is the same entry;
 *       an entry while an older session of the plate is still active there closes that one at the new entry
 *       (billed, deferred) and records a {@link AnomalyKind#MISSING_EXIT} anomaly. A new session gets a one-time
 *       locate code ({@link LocateCodes}), stored as a hash in the same transaction and answered once.</li>
 *   <li><b>Exit</b>: closes the active session with the tariff's fee and settles it: free → settled; autopay bound →
 *       charged (declined, failed or too slow → deferred, never lost); else the credit rule decides between deferred
 *       and pay-now. A repeated exit read gets the decision already made. An exit without a session records an
 *       {@link AnomalyKind#EXIT_WITHOUT_ENTRY} anomaly and asks for an attendant.</li>
 * </ul>
 * Each event is one R2DBC transaction (session row, bill, payment, outbox rows) — a first entry one statement, atomic
 * on its own; an autopay charge runs after it commits and its outcome is a second transaction. Invalid events change
 * nothing.
 */
@Service
public class GateDecisions {

    private static final Logger log = LoggerFactory.getLogger(GateDecisions.class);

    private final SessionPlaces places;
    private final SessionStore sessions;
    private final BillStore bills;
    private final AnomalyStore anomalies;
    private final SessionLedger ledger;
    private final SessionPricing pricing;
    private final BillPayments payments;
    private final TransactionalOperator transactions;
    private final SessionProperties settings;
    private final CreditPolicy credit;
    private final SessionLocateCodes locateCodes;
    private final Clock clock = Clock.systemUTC();

    GateDecisions(SessionPlaces places, SessionStore sessions, BillStore bills,
            AnomalyStore anomalies, SessionLedger ledger, SessionPricing pricing, BillPayments payments,
            TransactionalOperator transactions, SessionProperties settings, SessionLocateCodes locateCodes) {
        this.places = places;
        this.sessions = sessions;
        this.bills = bills;
        this.anomalies = anomalies;
        this.ledger = ledger;
        this.pricing = pricing;
        this.payments = payments;
        this.transactions = transactions;
        this.settings = settings;
        this.credit = CreditPolicy.of(settings.credit());
        this.locateCodes = locateCodes;
    }

    /**
     * Handles one gate event of the operator's lot.
     *
     * @throws dev.citypark.core.NotFoundException  unknown lot or gate
     * @throws dev.citypark.core.ForbiddenException the lot is another operator's
     * @throws InvalidValueException                a gate passed the wrong way, a bay of another lot, an
     *                                              {@code observedAt} in the future, an exit before its entry
     */
    public Mono<GateDecision> handle(OperatorId operator, GateEvent event) {
        return Mono.defer(() -> {
            requireNotFuture(event.observedAt());
            SessionPlaces.LotGate lotGate = places.lotGate(operator, event);
            if (event.direction() == Direction.ENTRY) {
                Optional<SpaceCategory> bayCategory = lotGate.bay().map(Bay::category);
                Arrival arrival = new Arrival(lotGate.place(), event.vehicle(), Optional.of(lotGate.gate()),
                        lotGate.bay().map(Bay::id), bayCategory, event.observedAt(), event.evidence());
                return enter(arrival);
            }
            return leave(lotGate.place(), event.vehicle(), new Exit(event.observedAt(), Optional.of(lotGate.gate())),
                    lotGate.bay().map(Bay::id));
        });
    }

    /**
     * Handles one on-street bay reading of the operator's segment: {@code OCCUPIED} opens a session on the bay,
     * {@code FREE} closes the bay's session.
     *
     * @throws ConflictException the bay holds another plate's session (report FREE first), or has none to close
     */
    public Mono<GateDecision> handle(OperatorId operator, BayCheckin reading) {
        return Mono.defer(() -> {
            requireNotFuture(reading.observedAt());
            SessionPlaces.StreetBay street = places.streetBay(operator, reading.bay());
            if (reading.state() == BayState.OCCUPIED) {
                Vehicle vehicle = reading.vehicle().orElseThrow();
                Arrival arrival = new Arrival(street.place(), vehicle, Optional.empty(), Optional.of(street.bay().id()),
                        Optional.of(street.bay().category()), reading.observedAt(), reading.evidence());
                return occupy(arrival);
            }
            return free(street, reading);
        });
    }

    private void requireNotFuture(Instant observedAt) {
        if (observedAt.isAfter(clock.instant().plus(settings.clockSkew()))) {
            throw new InvalidValueException("observedAt", "observedAt " + observedAt + " lies in the future");
        }
    }

    // ---- entries ------------------------------------------------------------------------------------------------

    private record Arrival(Place place, Vehicle vehicle, Optional<GateId> gate, Optional<dev.citypark.core.BayId> bay,
                           Optional<SpaceCategory> bayCategory, Instant at, Evidence evidence) {

        Stay newStay() {
            return new Stay(SessionId.random(), place, vehicle, bayCategory.orElse(Stay.categoryOf(vehicle)), gate,
                    bay, at, evidence);
        }
    }

    private Mono<GateDecision> enter(Arrival arrival) {
        // the common case first: no active session → one statement writes the session, its locate code's hash and
        // its outbox row (atomic on its own: no BEGIN/COMMIT round trips); otherwise, in a transaction, lock the
        // active one and decide
        Transition<Session.Active> opened = Session.open(arrival.newStay());
        Mono<GateDecision> work = Mono.defer(() -> {
            SessionLocateCodes.Issued code = locateCodes.newCode(opened.state());
            return ledger.openAtOnce(opened, code.hash())
                    .flatMap(inserted -> inserted ? Mono.just(GateDecision.opened(opened.state(), code.code()))
                            : transactions.transactional(sessions.lockActive(arrival.place().id(),
                                            arrival.vehicle().plate())
                                    .map(Optional::of)
                                    .defaultIfEmpty(Optional.empty())
                                    .flatMap(active -> active.isPresent() ? reenter(active.get(), arrival)
                                            : open(arrival))));
        });
        // two first reads racing: the loser's insert hits the one-active index; retried, it merges
        return work.retryWhen(Retry.max(1).filter(DuplicateKeyException.class::isInstance));
    }

    private Mono<GateDecision> occupy(Arrival arrival) {
        Mono<GateDecision> work = sessions.lockActiveOnBay(arrival.bay().orElseThrow())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(onBay -> {
                    if (onBay.isPresent() && !onBay.get().stay().vehicle().plate().equals(arrival.vehicle().plate())) {
                        return Mono.error(new ConflictException("bay " + arrival.bay().get().value()
                                + " holds another vehicle's active session; report the bay FREE first"));
                    }
                    return sessions.lockActive(arrival.place().id(), arrival.vehicle().plate())
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(active -> active.isPresent() ? reenter(active.get(), arrival) : open(arrival));
                });
        return transactions.transactional(work)
                .retryWhen(Retry.max(1).filter(DuplicateKeyException.class::isInstance));
    }

    private Mono<GateDecision> open(Arrival arrival) {
        Transition<Session.Active> opened = Session.open(arrival.newStay());
        return ledger.open(opened)
                .then(locateCodes.issue(opened.state()))
                .map(code -> GateDecision.opened(opened.state(), code));
    }

    /** An entry read while the plate has an active session at the place. */
    private Mono<GateDecision> reenter(Session.Active active, Arrival arrival) {
        Instant entryAt = active.stay().entryAt();
        Duration window = settings.duplicateEntryWindow();
        boolean sameBay = arrival.bay().isEmpty() || arrival.bay().equals(active.stay().bay());
        if (!arrival.at().isAfter(entryAt.plus(window)) && sameBay) {
            if (arrival.at().isBefore(entryAt.minus(window))) {
                return Mono.error(new ConflictException("the plate's active session here began at " + entryAt
                        + ", after this entry read; the read is stale"));
            }
            return Mono.just(GateDecision.entered(active));
        }
        if (!arrival.at().isAfter(entryAt.plus(window)) && active.stay().bay().isEmpty()) {
            // the garage camera placed the car after the entry read: same session, now on its bay
            Session.Active placed = new Session.Active(active.stay().onBay(arrival.bay().get(),
                    arrival.bayCategory().orElse(active.stay().category())));
            return sessions.save(placed).thenReturn(GateDecision.entered(placed));
        }
        if (!arrival.at().isAfter(entryAt)) {
            return Mono.error(new ConflictException("the plate's active session here began at " + entryAt
                    + ", after this entry read; the read is stale"));
        }
        // the earlier session's exit was never read: close it at this entry, bill it, tell the operator
        Exit assumed = new Exit(arrival.at(), Optional.empty());
        Anomaly anomaly = new Anomaly(Uuids.random(), AnomalyKind.MISSING_EXIT, active.stay().place().operator(),
                active.stay().place().kind(), active.stay().place().id(), arrival.gate(), arrival.bay(),
                arrival.vehicle(), arrival.at(), Optional.of(active.id()),
                "entered again while session " + active.id() + " (since " + entryAt
                        + ") was active; it was closed at this entry and billed as deferred");
        log.info("Missing exit for {} at {}: closing session {} at the new entry", arrival.vehicle().plate(),
                arrival.place().id(), active.id());
        return closeWithoutGate(active, assumed)
                .then(anomalies.insert(anomaly))
                .then(open(arrival));
    }

    /** Closes a session whose exit was not seen: deferred (or settled when free); no autopay, no credit rule. */
    private Mono<Void> closeWithoutGate(Session.Active active, Exit exit) {
        Fee fee = pricing.fee(active.stay(), exit.at());
        Transition<Session.Closed> closed = active.close(exit, fee);
        if (fee.isZero()) {
            return ledger.record(closed.then(c -> c.settleFree(exit.at())));
        }
        return ledger.recordWithBill(closed.then(c -> c.defer(exit.at())), Bill.issue(closed.state()));
    }

    // ---- exits --------------------------------------------------------------------------------------------------

    private Mono<GateDecision> leave(Place place, Vehicle vehicle, Exit exit, Optional<dev.citypark.core.BayId> bay) {
        // the lock and the plate's standing (credit rule, autopay) in one statement
        Mono<Checkout> work = sessions.lockActiveWithStanding(place.id(), vehicle.plate())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(locked -> locked.isPresent()
                        ? checkout(locked.get().session(), exit, Mono.just(locked.get().standing()))
                        : repeatedExit(place, vehicle, exit, bay));
        return transactions.transactional(work).flatMap(this::finish);
    }

    private Mono<GateDecision> free(SessionPlaces.StreetBay street, BayCheckin reading) {
        Exit exit = new Exit(reading.observedAt(), Optional.empty());
        Mono<Checkout> work = sessions.lockActiveOnBay(street.bay().id())
                .switchIfEmpty(Mono.error(() -> new ConflictException("bay " + street.bay().id().value()
                        + " has no active session to close")))
                .flatMap(active -> {
                    if (reading.vehicle().isPresent()
                            && !reading.vehicle().get().plate().equals(active.stay().vehicle().plate())) {
                        return Mono.error(new ConflictException("bay " + street.bay().id().value()
                                + " holds another vehicle's session"));
                    }
                    return checkout(active, exit, Mono.defer(() -> bills.standing(active.stay().vehicle().plate())));
                });
        return transactions.transactional(work).flatMap(this::finish);
    }

    /**
     * Inside the transaction: close, bill and settle what can be settled without the provider; {@code readStanding}
     * reads the plate's standing inside the transaction after the lock (only used when there is a fee).
     */
    private Mono<Checkout> checkout(Session.Active active, Exit exit, Mono<Standing> readStanding) {
        Fee fee = pricing.fee(active.stay(), exit.at());
        Transition<Session.Closed> closed = active.close(exit, fee);
        if (fee.isZero()) {
            Transition<Session.Settled> free = closed.then(c -> c.settleFree(exit.at()));
            return ledger.record(free)
                    .thenReturn(Checkout.done(GateDecision.ofEnded(free.state(), Optional.empty(), Optional.empty())));
        }
        Bill bill = Bill.issue(closed.state());
        return readStanding.flatMap(standing -> {
            if (standing.autopay().isPresent()) {
                AutopayBinding agreement = standing.autopay().get();
                Transition<Session.Closed> charging = closed.map(c -> c.awaiting(Settlement.AUTOPAY));
                Payment payment = payments.autopayPayment(bill, agreement);
                return ledger.recordWithBill(charging, bill)
                        .then(bills.insertPaymentIfAbsent(payment))
                        .thenReturn(Checkout.autopay(payment, agreement));
            }
            List<String> refusals = credit.refusals(standing.arrears(), exit.at());
            if (refusals.isEmpty()) {
                Transition<Session.Unpaid> deferred = closed.then(c -> c.defer(exit.at()));
                return ledger.recordWithBill(deferred, bill)
                        .thenReturn(Checkout.done(GateDecision.ofEnded(deferred.state(), Optional.of(bill.id()),
                                Optional.empty())));
            }
            Transition<Session.Closed> payNow = closed.map(c -> c.awaiting(Settlement.PAY_NOW));
            return ledger.recordWithBill(payNow, bill)
                    .thenReturn(Checkout.done(GateDecision.ofEnded(payNow.state(), Optional.of(bill.id()),
                            Optional.of("pay before leaving: " + String.join("; ", refusals)))));
        });
    }

    /** No active session: a repeated read of an exit already decided, or an exit without entry. */
    private Mono<Checkout> repeatedExit(Place place, Vehicle vehicle, Exit exit,
            Optional<dev.citypark.core.BayId> bay) {
        Instant since = exit.at().minus(settings.exitRereadWindow());
        return sessions.lockLatestEnded(place.id(), vehicle.plate(), since)
                .flatMap(ended -> {
                    Optional<String> reason = ended instanceof Session.Closed closed
                            && closed.awaiting().filter(s -> s == Settlement.PAY_NOW).isPresent()
                            ? Optional.of("the bill of this stay is still to be paid") : Optional.empty();
                    return bills.findBySession(ended.id()).map(Bill::id).map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .map(billId -> Checkout.done(GateDecision.ofEnded(ended, billId, reason)));
                })
                .switchIfEmpty(Mono.defer(() -> exitWithoutEntry(place, vehicle, exit, bay)));
    }

    private Mono<Checkout> exitWithoutEntry(Place place, Vehicle vehicle, Exit exit,
            Optional<dev.citypark.core.BayId> bay) {
        Instant since = exit.at().minus(settings.duplicateEntryWindow());
        return anomalies.findLatest(AnomalyKind.EXIT_WITHOUT_ENTRY, place.id(), vehicle.plate(), since)
                .switchIfEmpty(Mono.defer(() -> {
                    Anomaly anomaly = new Anomaly(Uuids.random(), AnomalyKind.EXIT_WITHOUT_ENTRY, place.operator(),
                            place.kind(), place.id(), exit.gate(), bay, vehicle, exit.at(), Optional.empty(),
                            "exit read without a recorded entry: no session, no fee; an attendant decides");
                    log.info("Exit without entry for {} at {}", vehicle.plate(), place.id());
                    return anomalies.insert(anomaly).thenReturn(anomaly);
                }))
                .map(anomaly -> Checkout.done(GateDecision.attendant(anomaly)));
    }

    private Mono<GateDecision> finish(Checkout checkout) {
        return checkout.payment() == null ? Mono.just(checkout.decision())
                : payments.chargeAutopay(checkout.payment(), checkout.agreement());
    }

    /** The result of an exit's transaction: a decision, or an autopay charge to make once it committed. */
    private record Checkout(GateDecision decision, Payment payment, AutopayBinding agreement) {

        static Checkout done(GateDecision decision) {
            return new Checkout(decision, null, null);
        }

        static Checkout autopay(Payment payment, AutopayBinding agreement) {
            return new Checkout(null, payment, agreement);
        }
    }
}
