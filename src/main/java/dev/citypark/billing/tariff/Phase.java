package dev.citypark.billing.tariff;

/** When a rule runs in the fold; rules run in this order, and in file order within a phase. */
public enum Phase {
    /** Decide where the chargeable window ends (post-payment grace). */
    GRACE,
    /** Decide where the chargeable window starts (deducted free minutes). */
    WINDOW,
    /** Price the window as billing units. */
    CHARGE,
    /** Transform the priced units: caps, multipliers, discounts, free stays. */
    ADJUST
}
