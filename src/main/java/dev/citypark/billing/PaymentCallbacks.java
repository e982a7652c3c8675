package dev.citypark.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives a provider's signed confirmation, verifies it, and hands it to every {@link PaymentConfirmationListener}.
 * The HTTP endpoint and the simulated provider's late confirmations both come through here.
 * <p>
 * Body: {@code {"paymentId":"uuid","providerRef":"...","status":"CONFIRMED|DECLINED","amountFen":800,
 * "occurredAt":"2025-03-03T01:00:00Z","reason":null}}, signed as {@link CallbackSignature} describes.
 */
public class PaymentCallbacks {

    private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);
    private static final int MAX_BODY = 4096;

    private final CallbackSignature signature;
    private final ObjectProvider<PaymentConfirmationListener> listeners;
    private final JsonMapper json;
    private final Clock clock;

    PaymentCallbacks(CallbackSignature signature, ObjectProvider<PaymentConfirmationListener> listeners,
            JsonMapper json, Clock clock) {
        this.signature = signature;
        this.listeners = listeners;
        this.json = json;
        this.clock = clock;
    }

    /** The header that carries the signature. */
    public static String signatureHeader() {
        return CallbackSignature.HEADER;
    }

    /**
     * Verifies and delivers one callback.
     *
     * @return completes when every listener has processed it; fails with 401 on a bad or stale signature and with
     *         400 on a malformed body
     */
    public Mono<Void> receive(String body, String signatureHeader) {
        return Mono.defer(() -> {
            if (body == null || body.length() > MAX_BODY
                    || !signature.verify(body, signatureHeader, clock.instant())) {
                log.warn("Refused a payment callback with a missing, stale or wrong signature");
                return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED,
                        "The callback signature is missing, stale or wrong"));
            }
            PaymentConfirmation confirmation = parse(body);
            return Flux.fromStream(listeners.orderedStream())
                    .concatMap(listener -> listener.onConfirmation(confirmation))
                    .then();
        });
    }

    String sign(String body, Instant at) {
        return signature.sign(body, at);
    }

    String toJson(PaymentConfirmation confirmation) {
        var node = json.createObjectNode()
                .put("paymentId", confirmation.paymentId().toString())
                .put("providerRef", confirmation.providerRef())
                .put("status", confirmation.confirmed() ? "CONFIRMED" : "DECLINED")
                .put("amountFen", confirmation.amount().fen())
                .put("occurredAt", confirmation.at().toString());
        if (confirmation.reason().isPresent()) {
            node.put("reason", confirmation.reason().get());
        }
        else {
            node.putNull("reason");
        }
        return json.writeValueAsString(node);
    }

    private PaymentConfirmation parse(String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        }
        catch (JacksonException e) {
            throw new InvalidValueException("body", "the callback body is not JSON");
        }
        UUID paymentId;
        try {
            paymentId = UUID.fromString(text(node, "paymentId"));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidValueException("paymentId", "paymentId must be a UUID");
        }
        String status = text(node, "status");
        if (!status.equals("CONFIRMED") && !status.equals("DECLINED")) {
            throw new InvalidValueException("status", "status must be CONFIRMED or DECLINED");
        }
        JsonNode amount = node.get("amountFen");
        if (amount == null || !amount.isIntegralNumber() || amount.asLong() <= 0) {
            throw new InvalidValueException("amountFen", "amountFen must be a positive integer");
        }
        Instant at;
        try {
            at = Instant.parse(text(node, "occurredAt"));
        }
        catch (DateTimeParseException e) {
            throw new InvalidValueException("occurredAt", "occurredAt must be an ISO-8601 instant");
        }
        JsonNode reason = node.get("reason");
        return new PaymentConfirmation(paymentId, text(node, "providerRef"), status.equals("CONFIRMED"),
                Money.ofFen(amount.asLong()), at,
                reason == null || reason.isNull() ? Optional.empty() : Optional.of(reason.asString()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new InvalidValueException(field, field + " is required");
        }
        return value.asString();
    }
}
