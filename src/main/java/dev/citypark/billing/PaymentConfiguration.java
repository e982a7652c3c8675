package dev.citypark.billing;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the payment provider chosen by {@code citypark.billing.payment.provider} and the callback verifier. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    @Bean
    PaymentCallbacks paymentCallbacks(BillingProperties properties,
            ObjectProvider<PaymentConfirmationListener> listeners, JsonMapper json) {
        BillingProperties.Payment payment = properties.payment();
        String secret = payment.callbackSecret();
        if (secret.isEmpty() && payment.provider().equals("simulated")) {
            // nobody outside this process can sign a callback; the simulated provider's late confirmations still can
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
        }
        return new PaymentCallbacks(new CallbackSignature(secret, payment.callbackTolerance()), listeners, json,
                Clock.systemUTC());
    }

    @Bean
    PaymentProvider paymentProvider(BillingProperties properties, PaymentCallbacks callbacks,
            ObjectProvider<WebClient.Builder> webClients) {
        BillingProperties.Payment payment = properties.payment();
        if (payment.provider().equals("remote")) {
            return new RemotePaymentProvider(webClients.getObject(), payment.remote());
        }
        return new SimulatedPaymentProvider(callbacks, payment.simulated().lateDelay(), Clock.systemUTC());
    }
}
