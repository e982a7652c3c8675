package dev.citypark.session;

/** The events of a session's life, published on {@code citypark.sessions.v1} under these names. */
public enum SessionEventType {
    SessionOpened,
    SessionClosed,
    SessionSettled,
    SessionDeferred,
    SessionWrittenOff
}
