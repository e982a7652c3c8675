package dev.citypark.billing;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The adapter shape for a real provider that confirms asynchronously: {@code POST <baseUrl>/v1/charges} with the
 * payment id as out-trade-no and idempotency key, the agreement token, the amount and citypark's notify URL; the
 * provider answers {@code {"chargeId":"...","status":"PENDING|SUCCEEDED|DECLINED","reason":...}} and later posts the
 * final outcome, signed, to the notify URL ({@link PaymentCallbacks}). Provider-specific message formats (WeChat Pay
 * v3, Alipay) would be variations of this class.
 */
class RemotePaymentProvider implements PaymentProvider {

    private final WebClient client;
    private final BillingProperties.Remote settings;

    RemotePaymentProvider(WebClient.Builder builder, BillingProperties.Remote settings) {
        if (settings.baseUrl() == null || settings.notifyUrl() == null || settings.merchantId() == null
                || settings.apiKey() == null) {
            throw new IllegalStateException("citypark.billing.payment.remote needs base-url, merchant-id, api-key"
                    + " and notify-url when the provider is 'remote'");
        }
        this.settings = settings;
        this.client = builder.clone().baseUrl(settings.baseUrl().toString()).build();
    }

    @Override
    public String name() {
        return "remote";
    }

    @Override
    public Mono<ChargeResult> charge(ChargeRequest request) {
        Map<String, Object> body = Map.of(
                "merchantId", settings.merchantId(),
                "outTradeNo", request.paymentId().toString(),
                "amountFen", request.amount().fen(),
                "channel", request.method().name(),
                "agreementToken", request.accountRef(),
                "description", request.description(),
                "notifyUrl", settings.notifyUrl().toString());
        return client.post().uri("/v1/charges")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    h.setBearerAuth(settings.apiKey());
                    h.set("Idempotency-Key", request.paymentId().toString());
                })
                .bodyValue(body)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(settings.timeout() == null ? Duration.ofSeconds(2) : settings.timeout())
                .map(RemotePaymentProvider::toResult);
    }

    static ChargeResult toResult(JsonNode answer) {
        String status = answer.path("status").asString("");
        String ref = answer.path("chargeId").asString("");
        if (ref.isBlank()) {
            throw new IllegalStateException("provider answer has no chargeId");
        }
        return switch (status) {
            case "SUCCEEDED" -> new ChargeResult.Confirmed(ref, java.time.Instant.now());
            case "PENDING" -> new ChargeResult.Pending(ref);
            case "DECLINED" -> new ChargeResult.Declined(answer.path("reason").asString("declined by provider"));
            default -> throw new IllegalStateException("provider answered an unknown status '" + status + "'");
        };
    }
}
