package dev.citypark.session;

/** The Kafka topics the session module owns. */
public final class SessionTopics {

    /** Session lifecycle events (schema in ARCHITECTURE.md), keyed by place id. */
    public static final String SESSIONS = "citypark.sessions.v1";
    /** Gate events from operators' gate controllers. */
    public static final String GATE_EVENTS = "citypark.gate-events.v1";
    /** Gate events that could not be handled, with the reason in header {@code citypark-dlt-reason}. */
    public static final String GATE_EVENTS_DLT = "citypark.gate-events.v1.dlt";
    /** The decision for each handled gate event, keyed by gate id. */
    public static final String GATE_DECISIONS = "citypark.gate-decisions.v1";

    private SessionTopics() {
    }
}
