package dev.citypark.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A payment provider for the embedded default and tests. What it does depends on the account token, so a test (or a
 * developer) picks the behaviour by what it binds:
 * <ul>
 *   <li>{@code sim-decline…}: declines;</li>
 *   <li>{@code sim-fail…}: fails as an unreachable provider would (an error, not an answer);</li>
 *   <li>{@code sim-timeout…}: never answers and never confirms;</li>
 *   <li>{@code sim-slow…}: never answers the request, but confirms by callback after the late delay;</li>
 *   <li>{@code sim-late…}: answers {@code Pending} and confirms by callback after the late delay;</li>
 *   <li>anything else: confirms at once.</li>
 * </ul>
 * Late confirmations are signed and go through {@link PaymentCallbacks} like a real provider's. Charging the same
 * payment id twice takes the money once (the provider's idempotency), and {@link #moneyTakenCount} tells tests how
 * often money was actually taken for a payment.
 */
class SimulatedPaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

    private final PaymentCallbacks callbacks;
    private final Duration lateDelay;
    private final Clock clock;
    private final Map<UUID, ChargeResult> answered = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> taken = new ConcurrentHashMap<>();
    private final PriorityBlockingQueue<Due> late = new PriorityBlockingQueue<>();

    SimulatedPaymentProvider(PaymentCallbacks callbacks, Duration lateDelay, Clock clock) {
        this.callbacks = callbacks;
        this.lateDelay = lateDelay;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public Mono<ChargeResult> charge(ChargeRequest request) {
        return Mono.defer(() -> {
            ChargeResult previous = answered.get(request.paymentId());
            if (previous != null) {
                return Mono.just(previous);
            }
            String account = request.accountRef();
            String ref = "SIM-" + request.paymentId();
            if (account.startsWith("sim-decline")) {
                return remember(request, new ChargeResult.Declined("declined by the simulated provider"));
            }
            if (account.startsWith("sim-fail")) {
                return Mono.error(new IllegalStateException("simulated provider unavailable"));
            }
            if (account.startsWith("sim-timeout")) {
                return Mono.never();
            }
            if (account.startsWith("sim-slow")) {
                scheduleConfirmation(request, ref);
                return Mono.never();
            }
            if (account.startsWith("sim-late")) {
                scheduleConfirmation(request, ref);
                return remember(request, new ChargeResult.Pending(ref));
            }
            take(request.paymentId());
            return remember(request, new ChargeResult.Confirmed(ref, clock.instant()));
        });
    }

    /** How many times money was taken for this payment (0 or 1 unless idempotency is broken). */
    int moneyTakenCount(UUID paymentId) {
        AtomicInteger count = taken.get(paymentId);
        return count == null ? 0 : count.get();
    }

    /**
     * Delivers due late confirmations through the signed callback path. Spring calls this once and subscribes to
     * the returned Mono on every trigger, so all the work is deferred to subscription.
     */
    @Scheduled(fixedDelayString = "${citypark.billing.payment.simulated.delivery-interval:100ms}")
    Mono<Void> deliverLateConfirmations() {
        return Mono.defer(this::deliverDue);
    }

    private Mono<Void> deliverDue() {
        Instant now = clock.instant();
        List<Due> due = new ArrayList<>();
        while (late.peek() != null && !late.peek().at().isAfter(now)) {
            Due next = late.poll();
            if (next != null) {
                due.add(next);
            }
        }
        return Flux.fromIterable(due)
                .concatMap(item -> {
                    String body = callbacks.toJson(item.confirmation());
                    return callbacks.receive(body, callbacks.sign(body, clock.instant()))
                            .onErrorResume(e -> {
                                log.warn("Simulated late confirmation of payment {} failed: {}",
                                        item.confirmation().paymentId(), e.toString());
                                return Mono.empty();
                            });
                })
                .then();
    }

    private Mono<ChargeResult> remember(ChargeRequest request, ChargeResult result) {
        ChargeResult winner = answered.putIfAbsent(request.paymentId(), result);
        return Mono.just(winner == null ? result : winner);
    }

    private void scheduleConfirmation(ChargeRequest request, String ref) {
        if (answered.putIfAbsent(request.paymentId(), new ChargeResult.Pending(ref)) != null) {
            return;
        }
        take(request.paymentId());
        Instant at = clock.instant().plus(lateDelay);
        late.add(new Due(at, new PaymentConfirmation(request.paymentId(), ref, true, request.amount(), at,
                Optional.empty())));
    }

    private void take(UUID paymentId) {
        taken.computeIfAbsent(paymentId, id -> new AtomicInteger()).incrementAndGet();
    }

    private record Due(Instant at, PaymentConfirmation confirmation) implements Comparable<Due> {

        @Override
        public int compareTo(Due other) {
            return at.compareTo(other.at);
        }
    }
}
