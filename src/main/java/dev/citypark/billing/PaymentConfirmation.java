package dev.citypark.billing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.core.Money;

/**
 * A provider's asynchronous, signature-verified word on a payment.
 *
 * @param paymentId   citypark's payment id from the {@link ChargeRequest}
 * @param providerRef the provider's own reference
 * @param confirmed   true when the money was taken, false when the charge was finally refused
 * @param amount      the amount the provider took (or would have)
 * @param at          when the provider decided
 * @param reason      why it was refused, when it was
 */
public record PaymentConfirmation(UUID paymentId, String providerRef, boolean confirmed, Money amount, Instant at,
                                  Optional<String> reason) {

    public PaymentConfirmation {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(providerRef, "providerRef");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? Optional.empty() : reason;
    }
}
