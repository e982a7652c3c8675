package dev.citypark.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.citypark.billing.PaymentMethod;
import dev.citypark.core.DriverId;
import dev.citypark.core.Money;

/**
 * One attempt to pay a bill.
 *
 * @param id             citypark's payment id (also the provider's idempotency key)
 * @param bill           the bill
 * @param scope          whose idempotency keys: {@code driver:<id>} or {@code autopay}
 * @param idempotencyKey the client's key (for autopay: the session id)
 * @param requestHash    fingerprint of the request, to tell a retry from a different request reusing the key
 * @param channel        autopay or driver
 * @param driver         the paying driver, for driver payments
 * @param amount         positive
 * @param method         payment channel at the provider
 * @param provider       the provider's name
 * @param providerRef    the provider's reference, once known
 * @param status         where it stands
 * @param failureReason  why it was declined
 * @param createdAt      when it was asked
 * @param completedAt    when it reached its status
 */
public record Payment(UUID id, UUID bill, String scope, String idempotencyKey, String requestHash,
                      PaymentChannel channel, Optional<DriverId> driver, Money amount, PaymentMethod method,
                      String provider, Optional<String> providerRef, PaymentStatus status,
                      Optional<String> failureReason, Instant createdAt, Optional<Instant> completedAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerRef, "providerRef");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(completedAt, "completedAt");
    }

    public static String driverScope(DriverId driver) {
        return "driver:" + driver.value();
    }

    public static final String AUTOPAY_SCOPE = "autopay";
}
