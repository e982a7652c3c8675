package dev.citypark.session;

/** Where a payment attempt stands. */
public enum PaymentStatus {
    /** Asked the provider; no final word yet. */
    PENDING,
    /** The money was taken and the bill paid with it. */
    CONFIRMED,
    /** The provider refused or failed; nothing was taken. */
    DECLINED,
    /** No answer in time; a late confirmation is still honoured. */
    EXPIRED,
    /** Confirmed after the bill had been paid otherwise: the money must go back. */
    REFUND_DUE;

    public boolean isFinal() {
        return this == CONFIRMED || this == DECLINED || this == REFUND_DUE;
    }
}
