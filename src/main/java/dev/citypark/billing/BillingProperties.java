package dev.citypark.billing;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing settings, under {@code citypark.billing.*}.
 *
 * @param tariffsFile the tariff definitions (JSON, format version 1), loaded at startup
 * @param payment     the payment provider
 */
@ConfigurationProperties("citypark.billing")
public record BillingProperties(@DefaultValue("geo-data/tariffs.json") Path tariffsFile,
                                @DefaultValue Payment payment) {

    /**
     * @param provider          {@code simulated} (the embedded default and tests) or {@code remote} (a provider that
     *                          confirms through the signed callback)
     * @param callbackSecret    the HMAC-SHA256 key callbacks are signed with; callbacks are refused while it is empty
     * @param callbackTolerance how far a callback's signed timestamp may lie from now (replay protection)
     * @param simulated         the simulated provider
     * @param remote            the remote provider
     */
    public record Payment(@DefaultValue("simulated") String provider,
                          @DefaultValue("") String callbackSecret,
                          @DefaultValue("5m") Duration callbackTolerance,
                          @DefaultValue Simulated simulated,
                          @DefaultValue Remote remote) {

        public Payment {
            if (!provider.equals("simulated") && !provider.equals("remote")) {
                throw new IllegalArgumentException(
                        "citypark.billing.payment.provider must be 'simulated' or 'remote', was '" + provider + "'");
            }
        }
    }

    /**
     * @param lateDelay        how long after a charge a late confirmation is delivered ({@code sim-late} and
     *                         {@code sim-slow} account tokens)
     * @param deliveryInterval how often due late confirmations are delivered
     */
    public record Simulated(@DefaultValue("2s") Duration lateDelay,
                            @DefaultValue("100ms") Duration deliveryInterval) {
    }

    /**
     * @param baseUrl    the provider's API, e.g. {@code https://pay.example.com}
     * @param merchantId citypark's merchant id at the provider
     * @param apiKey     the provider API key (sent as a bearer token)
     * @param notifyUrl  where the provider posts confirmations: citypark's public
     *                   {@code https://.../api/v1/payments/callback}
     * @param timeout    how long one request to the provider may take
     */
    public record Remote(URI baseUrl, String merchantId, String apiKey, URI notifyUrl,
                         @DefaultValue("2s") Duration timeout) {
    }
}
