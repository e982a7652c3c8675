package dev.citypark.analytics.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.citypark.analytics.AnalyticsProperties;
import dev.citypark.analytics.history.OccupancyHistory;
import dev.citypark.analytics.sessions.PlateHasher;
import dev.citypark.analytics.sessions.SessionFact;
import dev.citypark.analytics.sessions.SessionFacts;
import dev.citypark.availability.AppliedPlaceState;
import dev.citypark.availability.AvailabilityTopics;
import dev.citypark.core.Plates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The two consumers of analytics, in a consumer group of their own ({@code citypark-analytics}): applied place states
 * into the occupancy history, session events into session facts. A poll's batch is written in one transaction; the
 * listener waits for the commit on the Kafka consumer thread (never a reactive one) and only then commits the
 * offsets. A database outage makes the container retry the batch with backoff; writing is idempotent, so a retried
 * or redelivered batch changes nothing twice. Records that cannot be read are logged (plates masked) and skipped.
 */
@Component
class AnalyticsListeners {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsListeners.class);
    private static final long TIMEOUT_SECONDS = 60;
    /** The session module's event topic (schema in ARCHITECTURE.md); named here so analytics needs no session API. */
    static final String SESSIONS_TOPIC = "citypark.sessions.v1";

    private final OccupancyHistory history;
    private final SessionFacts sessions;
    private final PlateHasher plates;

    AnalyticsListeners(OccupancyHistory history, SessionFacts sessions, AnalyticsProperties properties) {
        this.history = history;
        this.sessions = sessions;
        this.plates = new PlateHasher(properties.plateHashKey());
        if (properties.usesDevPlateHashKey()) {
            log.warn("citypark.analytics.plate-hash-key is the published development default: set "
                    + "CITYPARK_ANALYTICS_PLATE_HASH_KEY outside development");
        }
    }

    @KafkaListener(id = "analytics-history", topics = AvailabilityTopics.HISTORY,
            groupId = "${citypark.analytics.consumer.group-id:citypark-analytics}",
            containerFactory = AnalyticsKafkaConfiguration.FACTORY,
            concurrency = "${citypark.analytics.consumer.concurrency:2}",
            autoStartup = "${citypark.analytics.consumer.enabled:${spring.kafka.listener.auto-startup:true}}",
            properties = "max.poll.records=1000")
    void onHistory(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
        List<AppliedPlaceState> states = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                states.add(AppliedPlaceState.parse(record.value()));
            }
            catch (RuntimeException e) {
                log.warn("Skipping unreadable place state {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        await(history.record(states, Instant.now()));
        ack.acknowledge();
    }

    @KafkaListener(id = "analytics-sessions", topics = SESSIONS_TOPIC,
            groupId = "${citypark.analytics.consumer.group-id:citypark-analytics}",
            containerFactory = AnalyticsKafkaConfiguration.FACTORY,
            concurrency = "1",
            autoStartup = "${citypark.analytics.consumer.enabled:${spring.kafka.listener.auto-startup:true}}",
            properties = "max.poll.records=1000")
    void onSessions(List<ConsumerRecord<String, String>> records, Acknowledgment ack) {
        List<SessionFact> facts = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                facts.add(SessionFact.parse(record.value(), plates));
            }
            catch (RuntimeException e) {
                log.warn("Skipping unreadable session event {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), Plates.maskAll(String.valueOf(e.getMessage())));
            }
        }
        await(sessions.record(facts, Instant.now()));
        ack.acknowledge();
    }

    private static <T> T await(Mono<T> work) {
        try {
            return work.toFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing analytics", e);
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not write analytics: " + e, e);
        }
    }
}
