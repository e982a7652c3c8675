package dev.citypark.session;

/** What an operator should look at. */
public enum AnomalyKind {
    /** A vehicle left a lot without a recorded entry: no session, no fee computed; the gate asks for an attendant. */
    EXIT_WITHOUT_ENTRY,
    /**
     * A vehicle entered (or took a bay) while an earlier session of it there was still active: the earlier exit was
     * missed. The earlier session was closed at the new entry and billed; the operator may write the bill off.
     */
    MISSING_EXIT,
    /** A session has been active longer than the configured limit. */
    OVERSTAY
}
