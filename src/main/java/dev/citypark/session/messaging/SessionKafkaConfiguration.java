package dev.citypark.session.messaging;

import java.nio.charset.StandardCharsets;

import dev.citypark.core.ConflictException;
import dev.citypark.core.ForbiddenException;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.NotFoundException;
import dev.citypark.security.RecordSignatureException;
import dev.citypark.session.SessionTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.core.JacksonException;

/**
 * The session module's topics, and the listener container for gate events: a record that cannot be handled goes to
 * {@code citypark.gate-events.v1.dlt} with its reason in header {@value #DLT_REASON_HEADER}; bad input at once,
 * transient failures (database unreachable) after two retries. The consumer then moves on: a poison record never
 * stops it.
 */
@Configuration(proxyBeanMethods = false)
class SessionKafkaConfiguration {

    static final String DLT_REASON_HEADER = "citypark-dlt-reason";
    static final String CONSUMER_GROUP = "citypark-sessions";
    private static final int PARTITIONS = 6;

    @Bean
    NewTopic sessionModuleSessionsTopic() {
        return TopicBuilder.name(SessionTopics.SESSIONS).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic sessionModuleGateEventsTopic() {
        return TopicBuilder.name(SessionTopics.GATE_EVENTS).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic sessionModuleGateEventsDltTopic() {
        return TopicBuilder.name(SessionTopics.GATE_EVENTS_DLT).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    NewTopic sessionModuleGateDecisionsTopic() {
        return TopicBuilder.name(SessionTopics.GATE_DECISIONS).partitions(PARTITIONS).replicas(1).build();
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> gateEventsContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            KafkaTemplate<String, String> kafka) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(SessionTopics.GATE_EVENTS_DLT, -1));
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders(new RecordHeader[] {
                new RecordHeader(DLT_REASON_HEADER, reason(e).getBytes(StandardCharsets.UTF_8))}));
        DefaultErrorHandler errors = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 2));
        errors.addNotRetryableExceptions(InvalidValueException.class, NotFoundException.class,
                ForbiddenException.class, ConflictException.class, JacksonException.class,
                RecordSignatureException.class, IllegalArgumentException.class);
        errors.setLogLevel(KafkaException.Level.WARN); // a poison record is the sender's problem, not an outage
        // handle a failed record and go on with the rest of the poll in memory: seeking back and polling again after
        // every poison record (the default) let a burst of unsigned records stall the partition at a few records a
        // second (found by the hostile-input campaign: 176 of 500 dead-lettered after 90 s)
        errors.setSeekAfterError(false);
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    /** The innermost cause, named by kind: e.g. {@code validation: plate: ...}, {@code forbidden: ...}. */
    static String reason(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String kind;
        if (cause instanceof InvalidValueException invalid) {
            kind = "validation: " + invalid.field();
        }
        else if (cause instanceof NotFoundException) {
            kind = "not-found";
        }
        else if (cause instanceof ForbiddenException) {
            kind = "forbidden";
        }
        else if (cause instanceof ConflictException) {
            kind = "conflict";
        }
        else if (cause instanceof JacksonException) {
            kind = "malformed-json";
        }
        else if (cause instanceof RecordSignatureException) {
            kind = "signature";
        }
        else {
            kind = "failed";
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof JacksonException json) {
            message = json.getOriginalMessage();
        }
        String text = kind + ": " + message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
