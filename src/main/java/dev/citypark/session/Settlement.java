package dev.citypark.session;

/** How a closed session's fee is (to be) paid. */
public enum Settlement {
    /** Charged to the payment method bound to the plate (无感支付). */
    AUTOPAY,
    /** Pay after exit (先离场后付费): a bill is created and the gate opens. */
    DEFERRED,
    /** The driver may not defer: pay before the gate opens. */
    PAY_NOW
}
