package dev.citypark.billing;

import java.time.Instant;
import java.util.Objects;

/** What a payment provider answered to a {@link ChargeRequest}. */
public sealed interface ChargeResult {

    /** The money was taken. */
    record Confirmed(String providerRef, Instant at) implements ChargeResult {

        public Confirmed {
            Objects.requireNonNull(providerRef, "providerRef");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Accepted; the outcome arrives later as a signed {@link PaymentConfirmation}. */
    record Pending(String providerRef) implements ChargeResult {

        public Pending {
            Objects.requireNonNull(providerRef, "providerRef");
        }
    }

    /** Refused (insufficient funds, agreement revoked, provider error); nothing was taken. */
    record Declined(String reason) implements ChargeResult {

        public Declined {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
