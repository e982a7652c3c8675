package dev.citypark.billing;

import java.util.Objects;
import java.util.UUID;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;

/**
 * Ask a payment provider to take money.
 *
 * @param paymentId   citypark's id of the payment; the provider treats it as its idempotency key (out-trade-no), so a
 *                    repeated request never charges twice, and echoes it in the confirmation callback
 * @param amount      positive
 * @param method      the channel
 * @param accountRef  the provider's token for the payer's account or payment agreement (never a card number)
 * @param description shown on the payer's statement
 */
public record ChargeRequest(UUID paymentId, Money amount, PaymentMethod method, String accountRef,
                            String description) {

    public ChargeRequest {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        if (amount.isNegative() || amount.isZero()) {
            throw new InvalidValueException("amountFen", "a charge must be positive, was " + amount);
        }
        if (accountRef == null || accountRef.isBlank()) {
            throw new InvalidValueException("accountRef", "accountRef is required");
        }
        description = description == null ? "" : description;
    }
}
