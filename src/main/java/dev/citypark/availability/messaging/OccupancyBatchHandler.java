package dev.citypark.availability.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.citypark.availability.PlaceRef;
import dev.citypark.availability.live.ApplyResult;
import dev.citypark.availability.live.LiveStore;
import dev.citypark.availability.live.LiveUpdate;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.OperatorId;
import dev.citypark.occupancy.Checked;
import dev.citypark.occupancy.IngestCounters;
import dev.citypark.occupancy.MalformedEventException;
import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.occupancy.OccupancyEvents;
import dev.citypark.occupancy.OccupancyProperties;
import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.occupancy.OccupancyValidator;
import dev.citypark.occupancy.RejectReason;
import dev.citypark.occupancy.Rejection;
import dev.citypark.occupancy.ValidatedEvent;
import dev.citypark.core.Plates;
import dev.citypark.security.RecordSignatureException;
import dev.citypark.security.RecordSignatures;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a batch of {@code citypark.occupancy.v1} records: verify the signature (the operator a record speaks for
 * must be the event's operator), parse, check against the registry, dead-letter what
 * fails (with the reason in headers), apply the rest to Redis in one pipelined round trip, count per operator, and
 * announce the changed places and publish their states to the history topic, in chunks of {@value #CHUNK} records so the first changes are pushed while the rest of
 * a large batch is still being applied. It returns only when Redis has applied every valid record and the broker has taken
 * every dead letter, so the caller may commit the batch's offsets then — and must not before.
 * <p>
 * It blocks: call it on a Kafka consumer thread (never on a reactive one). Any infrastructure failure (Redis or the
 * broker unreachable) is thrown, and the container retries the whole batch; that is safe because applying is
 * idempotent.
 */
@Component
class OccupancyBatchHandler {

    private static final Logger log = LoggerFactory.getLogger(OccupancyBatchHandler.class);
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final OperatorId UNKNOWN_OPERATOR = OperatorId.of("UNKNOWN");

    private final OccupancyValidator validator;
    private final LiveStore store;
    private final IngestCounters counters;
    private final KafkaTemplate<String, String> kafka;
    private final RecordSignatures signatures;
    private final boolean requireSignatures;
    private final HistoryPublisher history;

    OccupancyBatchHandler(OccupancyValidator validator, LiveStore store, IngestCounters counters,
            KafkaTemplate<String, String> kafka, RecordSignatures signatures, OccupancyProperties properties,
            HistoryPublisher history) {
        this.history = history;
        this.validator = validator;
        this.store = store;
        this.counters = counters;
        this.kafka = kafka;
        this.signatures = signatures;
        this.requireSignatures = properties.requireSignatures();
    }

    /** Who signed a record: an operator, nobody (accepted only when signatures are not required), or a failure. */
    private record Signer(OperatorId operator, String failure) {
    }

    /** Records applied (and announced) together: small enough that the first change is pushed soon. */
    static final int CHUNK = 250;

    void handle(List<ConsumerRecord<String, String>> records) {
        for (int from = 0; from < records.size(); from += CHUNK) {
            handleChunk(records.subList(from, Math.min(records.size(), from + CHUNK)));
        }
    }

    private void handleChunk(List<ConsumerRecord<String, String>> records) {
        Instant now = Instant.now();
        List<LiveUpdate> updates = new ArrayList<>(records.size());
        List<DeadLetter> dead = new ArrayList<>();
        IngestCounters.Tally tally = new IngestCounters.Tally();
        List<Signer> signers = await(Flux.fromIterable(records)
                .flatMapSequential(this::verify, 64)
                .collectList().toFuture(), "verify signatures");
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, String> record = records.get(i);
            Checked checked = check(record, signers.get(i), now);
            if (checked instanceof ValidatedEvent valid) {
                updates.add(LiveUpdate.of(valid));
            }
            else {
                Rejection rejection = (Rejection) checked;
                dead.add(new DeadLetter(record, rejection));
                tally.add(operatorOf(record), rejection.reason().counterName());
            }
        }
        sendDeadLetters(dead);
        List<ApplyResult> results = await(store.apply(updates, now).toFuture(), "apply to Redis");
        Set<PlaceRef> changed = new LinkedHashSet<>();
        for (ApplyResult result : results) {
            tally.add(result.update().operator(), result.outcome().counterName());
            if (result.update().resent()) {
                tally.add(result.update().operator(), "resent");
            }
            if (result.outcome().changedState()) {
                changed.add(result.update().place());
            }
        }
        await(counters.add(tally).toFuture(), "count");
        await(store.announce(changed).toFuture(), "announce changes");
        history.publish(changed);
    }

    private Mono<Signer> verify(ConsumerRecord<String, String> record) {
        boolean signed = record.headers().lastHeader(RecordSignatures.SIGNATURE_HEADER) != null
                || record.headers().lastHeader(RecordSignatures.KEY_ID_HEADER) != null;
        if (!signed && !requireSignatures) {
            return Mono.just(new Signer(null, null));
        }
        return signatures.verify(record.headers(), record.value())
                .map(operator -> new Signer(operator, null))
                .onErrorResume(RecordSignatureException.class, e -> Mono.just(new Signer(null, e.getMessage())));
    }

    private Checked check(ConsumerRecord<String, String> record, Signer signer, Instant now) {
        if (signer.failure() != null) {
            return new Rejection(RejectReason.SIGNATURE, "", signer.failure());
        }
        OccupancyEvent event;
        try {
            if (record.value() == null) {
                throw new MalformedEventException("the record has no value");
            }
            event = OccupancyEvents.parse(record.value());
        }
        catch (MalformedEventException e) {
            return new Rejection(RejectReason.MALFORMED, "", e.getMessage());
        }
        catch (InvalidValueException e) {
            return new Rejection(RejectReason.INVALID, e.field(), e.getMessage());
        }
        catch (RuntimeException e) {
            log.warn("Unexpected failure reading {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    Plates.maskAll(e.toString()));
            return new Rejection(RejectReason.INVALID, "", "unreadable event: " + e.getClass().getSimpleName());
        }
        if (signer.operator() != null && !signer.operator().equals(event.operatorId())) {
            return new Rejection(RejectReason.FORBIDDEN, "operatorId", "the record is signed by operator "
                    + signer.operator() + " but reports for " + event.operatorId());
        }
        Checked checked = validator.check(event, now);
        if (checked instanceof ValidatedEvent valid && !valid.key().equals(record.key())) {
            return new Rejection(RejectReason.WRONG_KEY, "", "record key " + (record.key() == null ? "null"
                    : "'" + record.key() + "'") + " must be the place id '" + valid.key()
                    + "' so that one place's events stay in one partition");
        }
        return checked;
    }

    private void sendDeadLetters(List<DeadLetter> dead) {
        if (dead.isEmpty()) {
            return;
        }
        List<CompletableFuture<?>> sent = new ArrayList<>(dead.size());
        for (DeadLetter letter : dead) {
            log.debug("Dead-lettering {}-{}@{}: {} {}", letter.record().topic(), letter.record().partition(),
                    letter.record().offset(), letter.rejection().reason(), letter.rejection().message());
            sent.add(kafka.send(letter.toProducerRecord()));
        }
        await(CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)), "dead-letter");
        log.info("Dead-lettered {} occupancy record(s) to {}", dead.size(), OccupancyTopics.OCCUPANCY_DLT);
    }

    private static OperatorId operatorOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(OccupancyTopics.OPERATOR_HEADER);
        if (header != null) {
            try {
                return OperatorId.of(new String(header.value(), StandardCharsets.UTF_8));
            }
            catch (IllegalArgumentException e) {
                return UNKNOWN_OPERATOR;
            }
        }
        try {
            return OccupancyEvents.parse(record.value()).operatorId();
        }
        catch (RuntimeException e) {
            return UNKNOWN_OPERATOR;
        }
    }

    /** Waits on the consumer thread; failures and time-outs are thrown so the container retries the batch. */
    static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to " + what, e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Could not " + what + ": " + e.getCause(), e.getCause());
        }
        catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + TIMEOUT + " waiting to " + what, e);
        }
    }
}
