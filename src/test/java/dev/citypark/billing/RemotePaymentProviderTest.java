package dev.citypark.billing;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.citypark.core.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The remote adapter's request against a stub provider, and how it reads the answers. */
class RemotePaymentProviderTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<String> received = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> idempotencyKey = new AtomicReference<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private DisposableServer stub;

    @BeforeEach
    void startStub() {
        stub = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.post("/v1/charges", (request, response) -> request.receive().aggregate()
                        .asString()
                        .flatMap(body -> {
                            received.set(body);
                            authorization.set(request.requestHeaders().get("Authorization"));
                            idempotencyKey.set(request.requestHeaders().get("Idempotency-Key"));
                            return response.header("Content-Type", "application/json")
                                    .sendString(reactor.core.publisher.Mono.just(answer.get())).then();
                        })))
                .bindNow();
    }

    @AfterEach
    void stopStub() {
        stub.disposeNow();
    }

    @Test
    void sendsTheChargeAndReadsAPendingAnswer() {
        answer.set("{\"chargeId\":\"CH-1\",\"status\":\"PENDING\"}");
        UUID paymentId = UUID.randomUUID();

        StepVerifier.create(provider().charge(new ChargeRequest(paymentId, Money.ofFen(800), PaymentMethod.ALIPAY,
                        "agreement-7", "parking")))
                .assertNext(result -> assertThat(result).isEqualTo(new ChargeResult.Pending("CH-1")))
                .verifyComplete();

        JsonNode body = json.readTree(received.get());
        assertThat(body.get("outTradeNo").asString()).isEqualTo(paymentId.toString());
        assertThat(body.get("amountFen").asLong()).isEqualTo(800);
        assertThat(body.get("channel").asString()).isEqualTo("ALIPAY");
        assertThat(body.get("agreementToken").asString()).isEqualTo("agreement-7");
        assertThat(body.get("notifyUrl").asString()).isEqualTo("https://citypark.example/api/v1/payments/callback");
        assertThat(authorization.get()).isEqualTo("Bearer key-1");
        assertThat(idempotencyKey.get()).isEqualTo(paymentId.toString());
    }

    @Test
    void readsSucceededAndDeclinedAnswers() {
        answer.set("{\"chargeId\":\"CH-2\",\"status\":\"SUCCEEDED\"}");
        StepVerifier.create(provider().charge(request()))
                .assertNext(result -> assertThat(result).isInstanceOf(ChargeResult.Confirmed.class))
                .verifyComplete();
        answer.set("{\"chargeId\":\"CH-3\",\"status\":\"DECLINED\",\"reason\":\"insufficient funds\"}");
        StepVerifier.create(provider().charge(request()))
                .assertNext(result -> assertThat(result)
                        .isEqualTo(new ChargeResult.Declined("insufficient funds")))
                .verifyComplete();
    }

    @Test
    void failsOnAnAnswerItDoesNotUnderstand() {
        answer.set("{\"status\":\"MAYBE\"}");
        StepVerifier.create(provider().charge(request())).expectError(IllegalStateException.class).verify();
    }

    /** A generous timeout: the first request of a JVM on a loaded machine can take seconds; timing is not tested. */
    private RemotePaymentProvider provider() {
        return new RemotePaymentProvider(WebClient.builder(), new BillingProperties.Remote(
                URI.create("http://127.0.0.1:" + stub.port()), "M-1", "key-1",
                URI.create("https://citypark.example/api/v1/payments/callback"), Duration.ofSeconds(60)));
    }

    private static ChargeRequest request() {
        return new ChargeRequest(UUID.randomUUID(), Money.ofFen(100), PaymentMethod.WECHAT_PAY, "a", "d");
    }
}
