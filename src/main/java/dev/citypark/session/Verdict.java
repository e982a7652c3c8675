package dev.citypark.session;

/** What the gate (or the attendant at an on-street bay) should do. */
public enum Verdict {
    /** Open the barrier: entry, or exit paid, free, deferred or being charged by autopay. */
    OPEN,
    /** Keep it closed until the driver pays (not eligible for pay-after-exit). */
    PAY_NOW,
    /** No session to decide on (exit without entry): an attendant decides; an anomaly was recorded. */
    ATTENDANT
}
