package dev.citypark.core;

import java.util.List;

import reactor.core.publisher.Mono;

/**
 * The transactional outbox. A capability appends the event that announces a state change in the same R2DBC
 * transaction that writes the change; a relay publishes appended messages to Kafka afterwards, in append order,
 * at least once. Consumers therefore de-duplicate by the event's own id.
 * <p>
 * This replaces {@code @TransactionalEventListener}, which does not fire for reactive transactions.
 */
public interface Outbox {

    /** Appends a message; joins the caller's reactive transaction if there is one. */
    Mono<Void> append(OutboxMessage message);

    /**
     * Appends messages in their order, in one statement (one round trip to the database, however many); joins the
     * caller's reactive transaction if there is one. Nothing happens for an empty list.
     */
    Mono<Void> appendAll(List<OutboxMessage> messages);
}
