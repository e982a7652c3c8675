package dev.citypark.billing;

/** What a {@link BreakdownLine} does to the amount. */
public enum LineKind {
    /** A charge for a span of the stay (positive). */
    CHARGE,
    /** A free period or an informational line about the stay's chargeable window (usually zero or negative). */
    FREE,
    /** A cap limiting charges (negative). */
    CAP,
    /** A discount (negative). */
    DISCOUNT,
    /** A surcharge, e.g. the large-vehicle multiplier (positive). */
    SURCHARGE,
    /** Credit for what the driver already paid (negative). */
    PAYMENT
}
