package dev.citypark.availability.live;

/** What the apply script did with one observation. */
public enum ApplyOutcome {
    /** Applied. */
    APPLIED,
    /** Applied, with a count held within 0..capacity. */
    CLAMPED,
    /** Ignored: an observation at least as new is already applied (event time decides). */
    OLDER,
    /** Ignored: this very observation was applied before. */
    DUPLICATE,
    /** Ignored: a lot count, flow or gate event for a place whose counts derive from its bay sensors. */
    SUPERSEDED,
    /** Ignored: a flow older than the de-duplication window. */
    EXPIRED;

    public boolean changedState() {
        return this == APPLIED || this == CLAMPED;
    }

    /** The counter name, e.g. {@code ignored.older}. */
    public String counterName() {
        return switch (this) {
            case APPLIED -> "applied";
            case CLAMPED -> "clamped";
            case OLDER -> "ignored.older";
            case DUPLICATE -> "ignored.duplicate";
            case SUPERSEDED -> "ignored.superseded";
            case EXPIRED -> "ignored.expired";
        };
    }

    static ApplyOutcome parse(String text) {
        return switch (text) {
            case "applied" -> APPLIED;
            case "clamped" -> CLAMPED;
            case "older" -> OLDER;
            case "duplicate" -> DUPLICATE;
            case "superseded" -> SUPERSEDED;
            case "expired" -> EXPIRED;
            default -> throw new IllegalStateException("unexpected apply script outcome: " + text);
        };
    }
}
