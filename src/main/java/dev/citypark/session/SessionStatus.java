package dev.citypark.session;

/** The state of a session as stored; each has its own type under {@link Session}. */
public enum SessionStatus {
    ACTIVE,
    CLOSED,
    UNPAID,
    SETTLED,
    WRITTEN_OFF
}
