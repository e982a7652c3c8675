package dev.citypark.billing.web;

import java.util.Map;

import dev.citypark.billing.PaymentCallbacks;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The payment provider's confirmation callback. Public at the security filter (the provider has no citypark
 * credentials); authenticity comes from the HMAC signature, checked before anything is read from the body.
 */
@RestController
class PaymentCallbackController {

    private final PaymentCallbacks callbacks;

    PaymentCallbackController(PaymentCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @PostMapping(path = "/api/v1/payments/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Signed payment confirmation from the payment provider (HMAC-SHA256, X-Citypark-Signature)")
    Mono<Map<String, Object>> callback(@RequestBody String body,
            @RequestHeader(name = "X-Citypark-Signature", required = false) String signature) {
        return callbacks.receive(body, signature).thenReturn(Map.of("received", true));
    }
}
