package dev.citypark.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import dev.citypark.billing.ChargeRequest;
import dev.citypark.billing.ChargeResult;
import dev.citypark.billing.PaymentConfirmation;
import dev.citypark.billing.PaymentConfirmationListener;
import dev.citypark.billing.PaymentProvider;
import dev.citypark.core.ConflictException;
import dev.citypark.core.DriverId;
import dev.citypark.core.NotFoundException;
import dev.citypark.core.OperatorId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Collecting the money: autopay at exit, drivers paying bills (idempotent by {@code Idempotency-Key}), the
 * provider's asynchronous confirmations, expiry of unanswered payments, and operators writing bills off.
 * <p>
 * A payment row is written before the provider is asked ({@code PENDING}), so a crash never loses track of money
 * that may have been taken; the row's unique {@code (scope, idempotency_key)} makes concurrent retries find one
 * payment, and a partial unique index lets at most one payment per bill be in flight or confirmed. Settling a bill
 * writes the payment, the bill, the session and its outbox event in one transaction. A confirmation that arrives
 * after the bill was paid otherwise marks the payment {@code REFUND_DUE}; one that arrives after the payment expired
 * still settles an unpaid bill.
 */
@Service
public class BillPayments implements PaymentConfirmationListener {

    private static final Logger log = LoggerFactory.getLogger(BillPayments.class);
    private static final Duration REPLAY_POLL = Duration.ofMillis(50);

    private final BillStore bills;
    private final SessionStore sessions;
    private final BindingStore bindings;
    private final SessionLedger ledger;
    private final PaymentProvider provider;
    private final TransactionalOperator transactions;
    private final SessionProperties.Payments settings;
    private final Clock clock = Clock.systemUTC();

    BillPayments(BillStore bills, SessionStore sessions, BindingStore bindings, SessionLedger ledger,
            PaymentProvider provider, TransactionalOperator transactions, SessionProperties properties) {
        this.bills = bills;
        this.sessions = sessions;
        this.bindings = bindings;
        this.ledger = ledger;
        this.provider = provider;
        this.transactions = transactions;
        this.settings = properties.payments();
    }

    // ---- autopay at exit ----------------------------------------------------------------------------------------

    /** A pending autopay payment, written with the closed session, to be charged once that has committed. */
    Payment autopayPayment(Bill bill, AutopayBinding agreement) {
        return new Payment(Uuids.random(), bill.id(), Payment.AUTOPAY_SCOPE, bill.session().toString(),
                "autopay:" + bill.id(), PaymentChannel.AUTOPAY, Optional.of(agreement.driver()), bill.amount(),
                agreement.method(), provider.name(), Optional.empty(), PaymentStatus.PENDING, Optional.empty(),
                clock.instant(), Optional.empty());
    }

    /**
     * Charges an autopay payment within the gate's patience and answers the gate: settled by autopay, still being
     * charged (the provider confirms later), or deferred when the provider declined, failed or did not answer in
     * time. Never loses the fee: whatever happens the bill stays.
     */
    Mono<GateDecision> chargeAutopay(Payment payment, AutopayBinding agreement) {
        ChargeRequest request = new ChargeRequest(payment.id(), payment.amount(), payment.method(),
                agreement.accountRef(), "citypark parking " + payment.idempotencyKey());
        return charge(request, settings.gateChargeTimeout())
                .flatMap(outcome -> applyOutcome(payment.id(), outcome))
                .flatMap(done -> sessionDecision(payment.bill()));
    }

    private Mono<GateDecision> sessionDecision(UUID billId) {
        return bills.find(billId).flatMap(bill -> sessions.find(bill.session())
                .map(session -> GateDecision.ofEnded(session, Optional.of(bill.id()), Optional.empty())));
    }

    // ---- drivers paying bills -----------------------------------------------------------------------------------

    /**
     * Pays a bill for a driver. The same key returns the same payment (a concurrent duplicate waits for the first
     * to finish); the same key with a different request is refused with 422.
     *
     * @throws NotFoundException  the bill does not exist or is not of a plate bound to the driver
     * @throws ConflictException  the bill is paid or written off, the amount is not the bill's, or another payment of
     *                            it is in flight
     */
    public Mono<PaymentReceipt> payBill(DriverId driver, PayBillCommand command) {
        String scope = Payment.driverScope(driver);
        return replay(scope, command)
                .switchIfEmpty(Mono.defer(() -> startPayment(driver, scope, command)));
    }

    private Mono<PaymentReceipt> replay(String scope, PayBillCommand command) {
        return bills.findPayment(scope, command.idempotencyKey())
                .flatMap(existing -> {
                    if (!existing.requestHash().equals(command.requestHash())) {
                        return Mono.error(new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
                                "Idempotency-Key was already used for a different request"));
                    }
                    return settled(existing).flatMap(payment -> receipt(payment, true));
                });
    }

    /** The payment once it left PENDING, or as it is when the first request should have finished by now. */
    private Mono<Payment> settled(Payment existing) {
        if (existing.status() != PaymentStatus.PENDING || existing.providerRef().isPresent()) {
            return Mono.just(existing);
        }
        long attempts = (settings.driverChargeTimeout().toMillis() + 2000) / REPLAY_POLL.toMillis();
        return Mono.defer(() -> bills.findPayment(existing.scope(), existing.idempotencyKey()))
                .filter(p -> p.status() != PaymentStatus.PENDING || p.providerRef().isPresent())
                .repeatWhenEmpty(repeats -> repeats.take(attempts).delayElements(REPLAY_POLL))
                .switchIfEmpty(Mono.defer(() -> bills.findPayment(existing.scope(), existing.idempotencyKey())));
    }

    private Mono<PaymentReceipt> startPayment(DriverId driver, String scope, PayBillCommand command) {
        // a refusal may be a retry that lost the race: the first request with this key paid the bill meanwhile
        return validatedPayment(driver, scope, command)
                .onErrorResume(ConflictException.class, refusal -> replay(scope, command)
                        .switchIfEmpty(Mono.error(refusal)));
    }

    private Mono<PaymentReceipt> validatedPayment(DriverId driver, String scope, PayBillCommand command) {
        return visibleBill(driver, command.bill())
                .flatMap(bill -> {
                    if (bill.status() == BillStatus.PAID) {
                        return Mono.error(new ConflictException("bill " + bill.id() + " is already paid"));
                    }
                    if (bill.status() == BillStatus.WRITTEN_OFF) {
                        return Mono.error(new ConflictException("bill " + bill.id() + " was written off"));
                    }
                    if (!bill.amount().equals(command.amount())) {
                        return Mono.error(new ConflictException("bill " + bill.id() + " is for " + bill.amount()
                                + " (" + bill.amount().fen() + " fen), not " + command.amount()));
                    }
                    Payment payment = new Payment(Uuids.random(), bill.id(), scope, command.idempotencyKey(),
                            command.requestHash(), PaymentChannel.DRIVER, Optional.of(driver), command.amount(),
                            command.method(), provider.name(), Optional.empty(), PaymentStatus.PENDING,
                            Optional.empty(), clock.instant(), Optional.empty());
                    return bills.insertPaymentIfAbsent(payment)
                            .onErrorMap(DuplicateKeyException.class, e -> new ConflictException("bill " + bill.id()
                                    + " already has a payment in progress or confirmed"))
                            .flatMap(inserted -> inserted
                                    ? chargeDriverPayment(payment, command).flatMap(p -> receipt(p, false))
                                    // a concurrent request with the same key won the insert: answer with its result
                                    : replay(scope, command));
                });
    }

    private Mono<Payment> chargeDriverPayment(Payment payment, PayBillCommand command) {
        ChargeRequest request = new ChargeRequest(payment.id(), payment.amount(), payment.method(),
                command.payerAccount(), "citypark parking bill " + payment.bill());
        return charge(request, settings.driverChargeTimeout())
                .flatMap(outcome -> applyOutcome(payment.id(), outcome));
    }

    private Mono<Bill> visibleBill(DriverId driver, UUID billId) {
        return bills.find(billId)
                .filterWhen(bill -> bindings.find(bill.vehicle().plate())
                        .map(binding -> binding.driver().equals(driver))
                        .defaultIfEmpty(false))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("bill", billId.toString())));
    }

    private Mono<PaymentReceipt> receipt(Payment payment, boolean replayed) {
        return bills.find(payment.bill()).map(bill -> new PaymentReceipt(payment, bill.session(), replayed));
    }

    // ---- provider outcomes --------------------------------------------------------------------------------------

    private Mono<Outcome> charge(ChargeRequest request, Duration timeout) {
        return provider.charge(request)
                .timeout(timeout)
                .map(BillPayments::outcomeOf)
                .onErrorResume(TimeoutException.class, e -> Mono.just(new Outcome.NoAnswer("no answer within "
                        + timeout.toMillis() + " ms")))
                .onErrorResume(e -> !(e instanceof TimeoutException), e -> {
                    log.warn("Payment provider failed for payment {}: {}", request.paymentId(), e.toString());
                    return Mono.just(new Outcome.NoAnswer("provider unavailable"));
                });
    }

    private static Outcome outcomeOf(ChargeResult result) {
        if (result instanceof ChargeResult.Confirmed confirmed) {
            return new Outcome.Confirmed(confirmed.providerRef(), confirmed.at());
        }
        if (result instanceof ChargeResult.Pending pending) {
            return new Outcome.Pending(pending.providerRef());
        }
        return new Outcome.Declined(((ChargeResult.Declined) result).reason());
    }

    /** Records the outcome of a charge in one transaction and emits the payment as it now stands. */
    private Mono<Payment> applyOutcome(UUID paymentId, Outcome outcome) {
        Mono<Payment> work = bills.lockPayment(paymentId).flatMap(payment -> {
            Instant now = clock.instant();
            if (outcome instanceof Outcome.Confirmed confirmed) {
                return confirm(payment, Optional.of(confirmed.providerRef()), payment.amount(), confirmed.at());
            }
            if (payment.status() != PaymentStatus.PENDING) {
                return Mono.just(payment); // a callback got there first
            }
            if (outcome instanceof Outcome.Pending pending) {
                Payment waiting = with(payment, PaymentStatus.PENDING, Optional.of(pending.providerRef()),
                        Optional.empty(), Optional.empty());
                return bills.savePayment(waiting).thenReturn(waiting);
            }
            PaymentStatus status = outcome instanceof Outcome.Declined ? PaymentStatus.DECLINED : PaymentStatus.EXPIRED;
            String reason = outcome instanceof Outcome.Declined declined ? declined.reason()
                    : ((Outcome.NoAnswer) outcome).reason();
            Payment failed = with(payment, status, payment.providerRef(), Optional.of(reason), Optional.of(now));
            return bills.savePayment(failed).then(deferIfAwaitingAutopay(failed, now)).thenReturn(failed);
        });
        return transactions.transactional(work).retryWhen(Retry.max(2).filter(DuplicateKeyException.class::isInstance));
    }

    /**
     * Confirms a payment (inside the caller's transaction): pays the bill and settles the session, or, when the bill
     * was paid or written off meanwhile, marks the money as to be refunded.
     */
    private Mono<Payment> confirm(Payment payment, Optional<String> providerRef, dev.citypark.core.Money taken,
            Instant at) {
        if (payment.status() == PaymentStatus.CONFIRMED || payment.status() == PaymentStatus.REFUND_DUE) {
            return Mono.just(payment);
        }
        Optional<String> ref = providerRef.isPresent() ? providerRef : payment.providerRef();
        if (!taken.equals(payment.amount())) {
            Payment refund = with(payment, PaymentStatus.REFUND_DUE, ref,
                    Optional.of("provider took " + taken + ", the payment was for " + payment.amount()),
                    Optional.of(at));
            log.warn("Payment {} confirmed for a different amount; marked REFUND_DUE", payment.id());
            return bills.savePayment(refund).thenReturn(refund);
        }
        return bills.lock(payment.bill()).flatMap(bill -> {
            if (bill.status() != BillStatus.UNPAID) {
                Payment refund = with(payment, PaymentStatus.REFUND_DUE, ref,
                        Optional.of("bill was already " + bill.status()), Optional.of(at));
                log.warn("Payment {} confirmed after its bill was {}; marked REFUND_DUE", payment.id(), bill.status());
                return bills.savePayment(refund).thenReturn(refund);
            }
            Payment confirmed = with(payment, PaymentStatus.CONFIRMED, ref, Optional.empty(), Optional.of(at));
            Bill paid = new Bill(bill.id(), bill.session(), bill.place(), bill.operator(), bill.vehicle(),
                    bill.amount(), BillStatus.PAID, bill.issuedAt(), Optional.of(at));
            return sessions.lock(bill.session())
                    .flatMap(session -> ledger.record(settle(session, payment, at)))
                    .then(bills.save(paid))
                    .then(bills.savePayment(confirmed))
                    .thenReturn(confirmed);
        });
    }

    private static Transition<Session.Settled> settle(Session session, Payment payment, Instant at) {
        if (session instanceof Session.Closed closed) {
            Settlement how = payment.channel() == PaymentChannel.AUTOPAY ? Settlement.AUTOPAY : Settlement.PAY_NOW;
            return closed.settle(how, payment.amount(), at);
        }
        if (session instanceof Session.Unpaid unpaid) {
            return unpaid.settle(payment.amount(), at);
        }
        throw new ConflictException("session " + session.id() + " is " + session.status() + "; its bill cannot be paid");
    }

    private Mono<Void> deferIfAwaitingAutopay(Payment payment, Instant at) {
        if (payment.channel() != PaymentChannel.AUTOPAY) {
            return Mono.empty();
        }
        return bills.find(payment.bill())
                .flatMap(bill -> sessions.lock(bill.session()))
                .filter(session -> session instanceof Session.Closed closed
                        && closed.awaiting().filter(s -> s == Settlement.AUTOPAY).isPresent())
                .flatMap(session -> ledger.record(((Session.Closed) session).defer(at)));
    }

    /** A provider's signed callback: confirm or decline, idempotently. */
    @Override
    public Mono<Void> onConfirmation(PaymentConfirmation confirmation) {
        Mono<Payment> work = bills.lockPayment(confirmation.paymentId())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("payment", confirmation.paymentId().toString())))
                .flatMap(payment -> {
                    if (confirmation.confirmed()) {
                        return confirm(payment, Optional.of(confirmation.providerRef()), confirmation.amount(),
                                confirmation.at());
                    }
                    if (payment.status() != PaymentStatus.PENDING && payment.status() != PaymentStatus.EXPIRED) {
                        return Mono.just(payment);
                    }
                    Payment declined = with(payment, PaymentStatus.DECLINED, Optional.of(confirmation.providerRef()),
                            Optional.of(confirmation.reason().orElse("declined by the provider")),
                            Optional.of(confirmation.at()));
                    return bills.savePayment(declined).then(deferIfAwaitingAutopay(declined, clock.instant()))
                            .thenReturn(declined);
                });
        return transactions.transactional(work)
                .retryWhen(Retry.max(2).filter(DuplicateKeyException.class::isInstance))
                .then();
    }

    /** Expires payments the provider left unanswered; their autopay sessions become deferred bills. */
    @Scheduled(fixedDelayString = "${citypark.session.payments.housekeeping-interval:30s}",
            initialDelayString = "${citypark.session.payments.housekeeping-interval:30s}")
    Mono<Void> expirePendingPayments() {
        // Spring calls this once and re-subscribes on every trigger: read the clock at subscription
        return Mono.defer(() -> expirePending(clock.instant().minus(settings.pendingExpiry())))
                .onErrorResume(e -> {
                    log.warn("Pending payment expiry failed, will retry: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    Mono<Long> expirePending(Instant createdBefore) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            return transactions.transactional(bills.expirePending(createdBefore, 200)
                            .concatMap(payment -> deferIfAwaitingAutopay(payment, now).thenReturn(payment)))
                    .count();
        });
    }

    // ---- operators ----------------------------------------------------------------------------------------------

    /**
     * An operator gives up on an unpaid bill of one of its places.
     *
     * @throws NotFoundException no such bill of this operator
     * @throws ConflictException the bill is not unpaid
     */
    public Mono<Bill> writeOff(OperatorId operator, UUID billId, String reason) {
        Instant now = clock.instant();
        Mono<Bill> work = bills.lock(billId)
                .filter(bill -> bill.operator().equals(operator))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("bill", billId.toString())))
                .flatMap(bill -> {
                    if (bill.status() != BillStatus.UNPAID) {
                        return Mono.error(new ConflictException("bill " + bill.id() + " is " + bill.status()
                                + "; only an unpaid bill can be written off"));
                    }
                    Bill off = new Bill(bill.id(), bill.session(), bill.place(), bill.operator(), bill.vehicle(),
                            bill.amount(), BillStatus.WRITTEN_OFF, bill.issuedAt(), Optional.empty());
                    return sessions.lock(bill.session())
                            .flatMap(session -> ledger.record(writeOff(session, now, reason)))
                            .then(bills.save(off))
                            .thenReturn(off);
                });
        return transactions.transactional(work);
    }

    private static Transition<Session.WrittenOff> writeOff(Session session, Instant at, String reason) {
        if (session instanceof Session.Unpaid unpaid) {
            return unpaid.writeOff(at, reason);
        }
        if (session instanceof Session.Closed closed) {
            // a pay-now bill the driver never paid: deferred first, then written off
            return closed.defer(at).then(unpaid -> unpaid.writeOff(at, reason));
        }
        throw new ConflictException("session " + session.id() + " is " + session.status());
    }

    private static Payment with(Payment p, PaymentStatus status, Optional<String> ref, Optional<String> reason,
            Optional<Instant> completedAt) {
        return new Payment(p.id(), p.bill(), p.scope(), p.idempotencyKey(), p.requestHash(), p.channel(), p.driver(),
                p.amount(), p.method(), p.provider(), ref, status, reason, p.createdAt(), completedAt);
    }

    /** What came of asking the provider. */
    private sealed interface Outcome {

        record Confirmed(String providerRef, Instant at) implements Outcome {
        }

        record Pending(String providerRef) implements Outcome {
        }

        record Declined(String reason) implements Outcome {
        }

        record NoAnswer(String reason) implements Outcome {
        }
    }
}
