package dev.citypark.occupancy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.citypark.core.ForbiddenException;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.InvalidValuesException;
import dev.citypark.core.InvalidValuesException.FieldProblem;
import dev.citypark.core.OperatorId;
import dev.citypark.security.Caller;
import dev.citypark.security.RecordSignatures;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Operators' batches into the event log: all or nothing. Every event of a batch is parsed and checked against the
 * registry first; one invalid event refuses the whole batch (400 naming every offending {@code events[i].field}), one
 * event for a place of another operator refuses it with 403, and nothing is sent. A valid batch is written to
 * {@code citypark.occupancy.v1} (keyed by place id) and the returned Mono completes once the broker acknowledged
 * every record. Refused events are counted per operator.
 * <p>
 * Records are signed with the caller's API key ({@link RecordSignatures}), like a gateway's, so the consumer checks
 * every record of the topic the same way.
 * <p>
 * The broker's acknowledgement is per record: if the broker fails half way, some events of a refused-as-unavailable
 * batch may already be in the log. Sending the batch again is safe, because applying events is idempotent.
 */
@Component
public class OccupancyIngest {

    private static final Logger log = LoggerFactory.getLogger(OccupancyIngest.class);
    private static final int MAX_LISTED_PROBLEMS = 100;
    /** How security names an API-key credential: {@code key:<keyId>}. */
    private static final String API_KEY_CREDENTIAL = "key:";

    private final OccupancyValidator validator;
    private final KafkaTemplate<String, String> kafka;
    private final IngestCounters counters;
    private final OccupancyProperties properties;
    private final RecordSignatures signatures;

    public OccupancyIngest(OccupancyValidator validator, KafkaTemplate<String, String> kafka,
            IngestCounters counters, OccupancyProperties properties, RecordSignatures signatures) {
        this.validator = validator;
        this.kafka = kafka;
        this.counters = counters;
        this.properties = properties;
        this.signatures = signatures;
    }

    /**
     * A batch as JSON trees (the REST body's {@code events}); a missing {@code operatorId} means the caller.
     *
     * @throws ResponseStatusException 413 (in the Mono) for more than the allowed events per batch
     */
    public Mono<IngestReceipt> submit(Caller.Operator operator, List<JsonNode> events) {
        OperatorId caller = operator.operatorId();
        return Mono.defer(() -> {
            if (events == null || events.isEmpty()) {
                return Mono.error(new InvalidValueException("events", "events must hold 1 to "
                        + properties.maxBatchSize() + " events"));
            }
            if (events.size() > properties.maxBatchSize()) {
                return counters.add(new IngestCounters.Tally().add(caller, "rejected.batch_too_large"))
                        .then(Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "A batch holds at"
                                + " most " + properties.maxBatchSize() + " events; this one has " + events.size()
                                + ". Split it.")));
            }
            Instant now = Instant.now();
            List<ValidatedEvent> valid = new ArrayList<>(events.size());
            List<Rejection> rejections = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                Checked checked;
                try {
                    checked = check(caller, OccupancyEvents.read(events.get(i), caller), now);
                }
                catch (MalformedEventException e) {
                    checked = new Rejection(RejectReason.MALFORMED, "", e.getMessage());
                }
                catch (InvalidValueException e) {
                    checked = new Rejection(RejectReason.INVALID, e.field(), e.getMessage());
                }
                collect(checked, i, valid, rejections);
            }
            return accept(operator, valid, rejections, now);
        });
    }

    /** A batch of events (a simulator, a gateway adapter); see the class comment. */
    public Mono<IngestReceipt> submitEvents(Caller.Operator operator, List<? extends OccupancyEvent> events) {
        OperatorId caller = operator.operatorId();
        return Mono.defer(() -> {
            if (events.isEmpty() || events.size() > properties.maxBatchSize()) {
                return Mono.error(new InvalidValueException("events", "events must hold 1 to "
                        + properties.maxBatchSize() + " events"));
            }
            Instant now = Instant.now();
            List<ValidatedEvent> valid = new ArrayList<>(events.size());
            List<Rejection> rejections = new ArrayList<>();
            for (int i = 0; i < events.size(); i++) {
                collect(check(caller, events.get(i), now), i, valid, rejections);
            }
            return accept(operator, valid, rejections, now);
        });
    }

    private Checked check(OperatorId caller, OccupancyEvent event, Instant now) {
        if (!event.operatorId().equals(caller)) {
            return new Rejection(RejectReason.FORBIDDEN, "operatorId", "events may only be reported by their own "
                    + "operator; the caller is " + caller + ", the event names " + event.operatorId());
        }
        return validator.check(event, now);
    }

    private static void collect(Checked checked, int index, List<ValidatedEvent> valid, List<Rejection> rejections) {
        if (checked instanceof ValidatedEvent ok) {
            valid.add(ok);
        }
        else {
            rejections.add(((Rejection) checked).under(at(index)));
        }
    }

    private Mono<IngestReceipt> accept(Caller.Operator caller, List<ValidatedEvent> valid,
            List<Rejection> rejections, Instant now) {
        if (!rejections.isEmpty()) {
            return refuse(caller.operatorId(), rejections);
        }
        return send(caller, valid)
                .then(counters.add(new IngestCounters.Tally().add(caller.operatorId(), "accepted", valid.size())))
                .thenReturn(new IngestReceipt(valid.size(), now));
    }

    private Mono<IngestReceipt> refuse(OperatorId caller, List<Rejection> rejections) {
        IngestCounters.Tally tally = new IngestCounters.Tally();
        rejections.forEach(r -> tally.add(caller, r.reason().counterName()));
        List<Rejection> invalid = rejections.stream().filter(r -> r.reason() != RejectReason.FORBIDDEN).toList();
        RuntimeException refusal;
        if (!invalid.isEmpty()) {
            List<FieldProblem> problems = invalid.stream().limit(MAX_LISTED_PROBLEMS)
                    .map(r -> new FieldProblem(r.field(), r.message())).toList();
            refusal = new InvalidValuesException(invalid.size() + " of the batch's events are invalid; nothing was"
                    + " accepted" + (invalid.size() > MAX_LISTED_PROBLEMS ? " (the first " + MAX_LISTED_PROBLEMS
                    + " are listed)" : ""), problems);
        }
        else {
            Rejection first = rejections.get(0);
            refusal = new ForbiddenException(first.field() + ": " + first.message() + (rejections.size() > 1
                    ? " (and " + (rejections.size() - 1) + " more)" : "") + "; nothing was accepted");
        }
        return counters.add(tally).then(Mono.error(refusal));
    }

    private Mono<Void> send(Caller.Operator caller, List<ValidatedEvent> events) {
        byte[] operator = caller.operatorId().value().getBytes(StandardCharsets.UTF_8);
        // send() may block for metadata (max.block.ms): keep it off the event loop
        return Mono.fromCallable(() -> {
                    List<CompletableFuture<?>> sent = new ArrayList<>(events.size());
                    for (ValidatedEvent event : events) {
                        String value = OccupancyEvents.write(event.event());
                        ProducerRecord<String, String> record = new ProducerRecord<>(OccupancyTopics.OCCUPANCY,
                                event.key(), value);
                        record.headers().add(OccupancyTopics.OPERATOR_HEADER, operator);
                        sign(record, caller, value);
                        sent.add(kafka.send(record));
                    }
                    return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::fromFuture)
                .timeout(properties.sendTimeout())
                .onErrorMap(e -> !(e instanceof ResponseStatusException || e instanceof ForbiddenException), e -> {
                    log.warn("Occupancy batch of {} events from {} not acknowledged by Kafka: {}", events.size(),
                            caller, e.toString());
                    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                            "The event log did not acknowledge the batch; sending it again is safe", e);
                });
    }

    private void sign(ProducerRecord<String, String> record, Caller.Operator caller, String value) {
        if (!caller.credentialId().startsWith(API_KEY_CREDENTIAL)) {
            if (properties.requireSignatures()) {
                throw new ForbiddenException("Occupancy is reported with an operator API key (X-Api-Key): its records "
                        + "are signed with that key");
            }
            return;
        }
        String keyId = caller.credentialId().substring(API_KEY_CREDENTIAL.length());
        try {
            signatures.sign(record.headers(), keyId, value.getBytes(StandardCharsets.UTF_8));
        }
        catch (IllegalStateException notConfigured) {
            if (properties.requireSignatures()) {
                throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Record signing is not configured "
                        + "(citypark.security.record-signing-key) but citypark.occupancy.require-signatures is on");
            }
        }
    }

    private static String at(int index) {
        return "events[" + index + "]";
    }
}
