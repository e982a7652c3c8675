package dev.citypark.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.core.DriverId;
import dev.citypark.core.Plate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bills and payments (port). Joins the caller's transaction. */
public interface BillStore {

    Mono<Void> insert(Bill bill);

    Mono<Bill> find(UUID billId);

    Mono<Bill> lock(UUID billId);

    Mono<Bill> findBySession(SessionId session);

    Mono<Void> save(Bill bill);

    /** The plate's unpaid bills city-wide, leaving out one bill (the one being decided), if given. */
    Mono<Arrears> arrears(Plate plate, Optional<UUID> except);

    /** The plate's autopay agreement and unpaid bills, in one read. */
    Mono<Standing> standing(Plate plate);

    /**
     * A driver's bills: unpaid ones of their bound plates, and the others issued since the binding; newest first.
     */
    Flux<Bill> listForDriver(DriverId driver, Optional<BillStatus> status, int limit);

    /**
     * Inserts a payment unless one with its scope and idempotency key exists.
     *
     * @return true when inserted, false when the key was taken
     * @throws org.springframework.dao.DuplicateKeyException when another payment of the bill is in flight or
     *                                                       confirmed
     */
    Mono<Boolean> insertPaymentIfAbsent(Payment payment);

    Mono<Payment> findPayment(String scope, String idempotencyKey);

    Mono<Payment> lockPayment(UUID paymentId);

    Mono<Void> savePayment(Payment payment);

    /** Marks payments pending since before {@code createdBefore} as expired; emits them. */
    Flux<Payment> expirePending(Instant createdBefore, int limit);

    /** How many payments of a bill reached each final state, for reconciliation and tests. */
    Flux<Payment> listPayments(UUID billId);
}
