package dev.citypark.session;

import java.util.Objects;

/**
 * The answer to a driver's payment request: the payment as it stands, and whether this request was a retry answered
 * from the stored result (same {@code Idempotency-Key}).
 */
public record PaymentReceipt(Payment payment, SessionId session, boolean replayed) {

    public PaymentReceipt {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(session, "session");
    }
}
