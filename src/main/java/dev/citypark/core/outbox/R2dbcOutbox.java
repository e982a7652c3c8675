package dev.citypark.core.outbox;

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
}
