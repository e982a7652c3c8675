package dev.citypark.core.outbox;

import java.util.List;

import dev.citypark.core.Outbox;
import dev.citypark.core.OutboxMessage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Appends to the {@code outbox} table through the caller's connection, so it joins the caller's transaction. */
@Component
class R2dbcOutbox implements Outbox {

    private final DatabaseClient database;

    R2dbcOutbox(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> append(OutboxMessage message) {
        return database.sql("INSERT INTO outbox (topic, message_key, event_type, payload) "
                        + "VALUES (:topic, :key, :type, CAST(:payload AS json))")
                .bind("topic", message.topic())
                .bind("key", message.key())
                .bind("type", message.eventType())
                .bind("payload", message.payloadJson())
                .then();
    }

    @Override
    public Mono<Void> appendAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return Mono.empty();
        }
        if (messages.size() == 1) {
            return append(messages.get(0));
        }
        // one multi-row INSERT: the rows take their ids (the relay's order) in the order of the VALUES list
        StringBuilder sql = new StringBuilder("INSERT INTO outbox (topic, message_key, event_type, payload) VALUES ");
        for (int i = 0; i < messages.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:topic").append(i).append(", :key").append(i).append(", :type")
                    .append(i).append(", CAST(:payload").append(i).append(" AS json))");
        }
        DatabaseClient.GenericExecuteSpec statement = database.sql(sql.toString());
        for (int i = 0; i < messages.size(); i++) {
            OutboxMessage message = messages.get(i);
            statement = statement.bind("topic" + i, message.topic())
                    .bind("key" + i, message.key())
                    .bind("type" + i, message.eventType())
                    .bind("payload" + i, message.payloadJson());
        }
        return statement.then();
    }
}
