package dev.citypark.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The simulator's HTTP client of citypark's public API: what an administrator, a driver's app and nobody else would
 * call. Every call has a timeout; errors are the caller's to tolerate.
 */
final class CityApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** An operator's issued API key and its Kafka record-signing secret. */
    record OperatorKey(String operatorId, String keyId, String apiKey, String signingSecret) {
    }

    /** An unpaid bill, as the driver API lists it. */
    record Bill(String billId, long amountFen) {
    }

    private final WebClient web;
    private final String adminToken;

    CityApi(WebClient web, String adminToken) {
        this.web = web;
        this.adminToken = adminToken;
    }

    /** {@code POST /api/v1/admin/operators/{id}/api-keys} with the administrator token. */
    Mono<OperatorKey> issueKey(String operatorId) {
        return web.post().uri("/api/v1/admin/operators/{id}/api-keys", operatorId)
                .header("X-Admin-Token", adminToken)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(body -> new OperatorKey(operatorId, body.get("keyId").asString(), body.get("apiKey").asString(),
                        body.path("signingSecret").isString() ? body.get("signingSecret").asString() : null))
                .timeout(TIMEOUT);
    }

    /** {@code POST /api/v1/auth/driver-token}: a driver signs in with the SMS code. */
    Mono<String> driverToken(String phone, String code) {
        return web.post().uri("/api/v1/auth/driver-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", phone, "code", code))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(body -> body.get("accessToken").asString())
                .timeout(TIMEOUT);
    }

    /** {@code PUT /api/v1/me/vehicles/{plate}}; a plate already bound to this driver (409) counts as bound. */
    Mono<Void> bindPlate(String token, String plate, String colour, String verificationCode) {
        return web.put().uri("/api/v1/me/vehicles/{plate}", plate)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plateColour", colour, "verificationCode", verificationCode))
                .retrieve()
                .toBodilessEntity()
                .timeout(TIMEOUT)
                .then()
                .onErrorResume(WebClientResponseException.class,
                        e -> e.getStatusCode() == HttpStatus.CONFLICT ? Mono.empty() : Mono.error(e));
    }

    /** {@code PUT /api/v1/me/vehicles/{plate}/autopay} (无感支付) with a simulated wallet agreement. */
    Mono<Void> bindAutopay(String token, String plate, String accountRef) {
        return web.put().uri("/api/v1/me/vehicles/{plate}/autopay", plate)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("method", "WECHAT_PAY", "accountRef", accountRef))
                .retrieve()
                .toBodilessEntity()
                .timeout(TIMEOUT)
                .then();
    }

    /** {@code GET /api/v1/me/bills?status=UNPAID}. */
    Flux<Bill> unpaidBills(String token) {
        return web.get().uri("/api/v1/me/bills?status=UNPAID&limit=50")
                .headers(h -> h.setBearerAuth(token))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(TIMEOUT)
                .flatMapIterable(body -> {
                    List<Bill> bills = new java.util.ArrayList<>();
                    body.forEach(bill -> bills.add(new Bill(bill.get("billId").asString(),
                            bill.get("amountFen").asLong())));
                    return bills;
                });
    }

    /** {@code POST /api/v1/me/bills/{id}/payments}, idempotent by the bill id. */
    Mono<Void> pay(String token, Bill bill) {
        return web.post().uri("/api/v1/me/bills/{id}/payments", bill.billId())
                .headers(h -> h.setBearerAuth(token))
                .header("Idempotency-Key", "sim-pay-" + bill.billId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("amountFen", bill.amountFen(), "method", "WECHAT_PAY"))
                .retrieve()
                .toBodilessEntity()
                .timeout(TIMEOUT)
                .then();
    }
}
