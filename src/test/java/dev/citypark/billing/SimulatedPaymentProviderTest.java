package dev.citypark.billing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.citypark.core.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated provider confirms, declines, fails, stays silent or confirms late, as its account token says. */
class SimulatedPaymentProviderTest {

    private final List<PaymentConfirmation> received = new CopyOnWriteArrayList<>();
    private final PaymentCallbacks callbacks = new PaymentCallbacks(
            new CallbackSignature("test-secret", Duration.ofMinutes(5)), listeners(), JsonMapper.builder().build(),
            Clock.systemUTC());

    @Test
    void confirmsOrdinaryAccountsAtOnceAndOnlyOnce() {
        SimulatedPaymentProvider provider = provider(Duration.ofSeconds(1));
        ChargeRequest request = request("wallet-1");

        StepVerifier.create(provider.charge(request))
                .assertNext(result -> assertThat(result).isInstanceOf(ChargeResult.Confirmed.class))
                .verifyComplete();
        StepVerifier.create(provider.charge(request))
                .assertNext(result -> assertThat(result).isInstanceOf(ChargeResult.Confirmed.class))
                .verifyComplete();
        assertThat(provider.moneyTakenCount(request.paymentId())).isEqualTo(1);
    }

    @Test
    void declinesFailsAndStaysSilentOnRequest() {
        SimulatedPaymentProvider provider = provider(Duration.ofSeconds(1));

        StepVerifier.create(provider.charge(request("sim-decline-1")))
                .assertNext(result -> assertThat(result).isInstanceOf(ChargeResult.Declined.class))
                .verifyComplete();
        StepVerifier.create(provider.charge(request("sim-fail-1"))).expectError(IllegalStateException.class).verify();
        StepVerifier.create(provider.charge(request("sim-timeout-1")).timeout(Duration.ofMillis(100)))
                .expectError(java.util.concurrent.TimeoutException.class).verify();
    }

    @Test
    void confirmsLateThroughTheSignedCallback() {
        SimulatedPaymentProvider provider = provider(Duration.ZERO);
        ChargeRequest request = request("sim-late-1");

        StepVerifier.create(provider.charge(request))
                .assertNext(result -> assertThat(result).isInstanceOf(ChargeResult.Pending.class))
                .verifyComplete();
        StepVerifier.create(provider.deliverLateConfirmations()).verifyComplete();

        assertThat(received).singleElement().satisfies(confirmation -> {
            assertThat(confirmation.paymentId()).isEqualTo(request.paymentId());
            assertThat(confirmation.confirmed()).isTrue();
            assertThat(confirmation.amount()).isEqualTo(Money.ofFen(800));
        });
    }

    @Test
    void keepsLateConfirmationsUntilTheyAreDue() {
        SimulatedPaymentProvider provider = provider(Duration.ofHours(1));
        provider.charge(request("sim-slow-1")).subscribe().dispose();

        StepVerifier.create(provider.deliverLateConfirmations()).verifyComplete();

        assertThat(received).isEmpty();
    }

    private SimulatedPaymentProvider provider(Duration lateDelay) {
        return new SimulatedPaymentProvider(callbacks, lateDelay, Clock.fixed(Instant.now(), ZoneOffset.UTC));
    }

    private static ChargeRequest request(String account) {
        return new ChargeRequest(UUID.randomUUID(), Money.ofFen(800), PaymentMethod.WECHAT_PAY, account, "test");
    }

    private ObjectProvider<PaymentConfirmationListener> listeners() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("listener", (PaymentConfirmationListener) confirmation -> {
            received.add(confirmation);
            return Mono.empty();
        });
        return beans.getBeanProvider(PaymentConfirmationListener.class);
    }
}
