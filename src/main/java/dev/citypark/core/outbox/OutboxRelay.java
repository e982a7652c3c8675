package dev.citypark.core.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import dev.citypark.core.CoreProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka in id order and marks them published, at least once.
 * <p>
 * Each pass locks a batch with {@code FOR UPDATE SKIP LOCKED}, so several instances share the work without
 * publishing a row twice in the normal case; a crash between the broker's acknowledgement and the commit publishes
 * the batch again (consumers de-duplicate by event id). Records are sent one after another, so messages with the same
 * key keep their order. Spring subscribes to {@link #relay()} on its scheduler with a fixed delay after each pass
 * completes; a full batch is followed at once by the next.
 */
@Component
class OutboxRelay {

    static final String EVENT_TYPE_HEADER = "citypark-event-type";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final KafkaTemplate<String, String> kafka;
    private final CoreProperties.Outbox settings;
    private final Counter published;

    OutboxRelay(DatabaseClient database, TransactionalOperator transactions, KafkaTemplate<String, String> kafka,
            CoreProperties properties, MeterRegistry meters) {
        this.database = database;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = properties.outbox();
        this.published = Counter.builder("citypark.outbox.published")
                .description("Outbox messages published to Kafka")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${citypark.core.outbox.poll-interval:200ms}",
            initialDelayString = "${citypark.core.outbox.poll-interval:200ms}")
    Mono<Void> relay() {
        return relayBatch()
                .expand(count -> count == settings.batchSize() ? relayBatch() : Mono.empty())
                .then()
                .onErrorResume(e -> {
                    log.warn("Outbox relay pass failed, will retry: {}", e.toString());
                    return Mono.empty();
                });
    }

    /** Publishes one batch; emits how many rows it published. */
    Mono<Integer> relayBatch() {
        Mono<Integer> batch = database.sql("SELECT id, topic, message_key, event_type, payload::text AS payload FROM outbox "
                        + "WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("limit", settings.batchSize())
                .map(row -> new Row(row.get("id", Long.class), row.get("topic", String.class),
                        row.get("message_key", String.class), row.get("event_type", String.class),
                        row.get("payload", String.class)))
                .all()
                .concatMap(row -> send(row).thenReturn(row.id()))
                .collectList()
                .flatMap(this::markPublished);
        return transactions.transactional(batch);
    }

    private Mono<Void> send(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add(EVENT_TYPE_HEADER, row.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("citypark-outbox-id", Long.toString(row.id()).getBytes(StandardCharsets.UTF_8));
        // send() may block for metadata (max.block.ms): keep it off the event loop
        return Mono.fromFuture(() -> kafka.send(record))
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private Mono<Integer> markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0);
        }
        return database.sql("UPDATE outbox SET published_at = now() WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .then()
                .doOnSuccess(done -> published.increment(ids.size()))
                .thenReturn(ids.size());
    }

    /** Deletes published rows older than the retention, hourly. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    Mono<Void> housekeeping() {
        // Spring calls this method once and re-subscribes to the Mono on every trigger: read the clock per pass
        return Mono.defer(() -> database
                .sql("DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < :cutoff")
                .bind("cutoff", Instant.now().minus(settings.retention()))
                .fetch()
                .rowsUpdated()
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Outbox housekeeping deleted {} published messages", n);
                    }
                })
                .then())
                .onErrorResume(e -> {
                    log.warn("Outbox housekeeping failed: {}", e.toString());
                    return Mono.empty();
                });
    }

    private record Row(long id, String topic, String key, String type, String payload) {
    }

}
