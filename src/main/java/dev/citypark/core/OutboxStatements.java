package dev.citypark.core;

import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * For a capability that writes a state change and the outbox rows announcing it in <em>one</em> SQL statement (a
 * data-modifying CTE, atomic without an explicit transaction): the outbox part of that statement. The rows are the
 * same as {@link Outbox#appendAll}'s, and get their ids (the relay's order) in list order.
 */
public final class OutboxStatements {

    private OutboxStatements() {
    }

    /**
     * {@code INSERT INTO outbox ... SELECT ... FROM <from> CROSS JOIN (VALUES ...)}: one row per message for each
     * row of {@code from} (a CTE of the same statement: no row there, nothing appended). Parameters are named
     * {@code <prefix><field><i>}; bind them with {@link #bind}.
     */
    public static String insertFor(String from, int count, String prefix) {
        if (count <= 0) {
            throw new IllegalArgumentException("at least one message");
        }
        StringBuilder sql = new StringBuilder("INSERT INTO outbox (topic, message_key, event_type, payload)"
                + " SELECT v.topic, v.message_key, v.event_type, CAST(v.payload AS json) FROM ")
                .append(from).append(" CROSS JOIN (VALUES ");
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ", ").append("(").append(i).append(", CAST(:").append(prefix).append("topic")
                    .append(i).append(" AS text), CAST(:").append(prefix).append("key").append(i)
                    .append(" AS text), CAST(:").append(prefix).append("type").append(i).append(" AS text), CAST(:")
                    .append(prefix).append("payload").append(i).append(" AS text))");
        }
        return sql.append(") AS v(n, topic, message_key, event_type, payload) ORDER BY v.n").toString();
    }

    /** Binds the parameters of {@link #insertFor} for these messages. */
    public static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec statement,
            List<OutboxMessage> messages, String prefix) {
        DatabaseClient.GenericExecuteSpec bound = statement;
        for (int i = 0; i < messages.size(); i++) {
            OutboxMessage message = messages.get(i);
            bound = bound.bind(prefix + "topic" + i, message.topic())
                    .bind(prefix + "key" + i, message.key())
                    .bind(prefix + "type" + i, message.eventType())
                    .bind(prefix + "payload" + i, message.payloadJson());
        }
        return bound;
    }
}
