package dev.citypark.availability.messaging;

import java.util.List;

import dev.citypark.occupancy.OccupancyTopics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The two consumers of live availability, in one consumer group shared by every instance: occupancy events and gate
 * (session) events. Each batch is applied to Redis on the consumer thread — it waits for Redis there, which is a
 * Kafka thread, never a reactive one — and only then are its offsets committed.
 */
@Component
class AvailabilityListeners {

    static final String OCCUPANCY_LISTENER = "availability-occupancy";
    static final String SESSIONS_LISTENER = "availability-sessions";

    private static final Logger log = LoggerFactory.getLogger(AvailabilityListeners.class);

    private final OccupancyBatchHandler occupancy;
    private final SessionBatchHandler sessions;
    private final ReplayGuard guard;

    AvailabilityListeners(OccupancyBatchHandler occupancy, SessionBatchHandler sessions, ReplayGuard guard) {
        this.occupancy = occupancy;
        this.sessions = sessions;
        this.guard = guard;
    }

    @KafkaListener(id = OCCUPANCY_LISTENER, topics = OccupancyTopics.OCCUPANCY,
            groupId = "${citypark.availability.consumer.group-id:citypark-availability}",
            containerFactory = AvailabilityKafkaConfiguration.FACTORY,
            concurrency = "${citypark.availability.consumer.concurrency:2}",
            autoStartup = "${citypark.availability.consumer.enabled:${spring.kafka.listener.auto-startup:true}}",
            properties = "max.poll.records=${citypark.availability.consumer.max-poll-records:1000}")
    void onOccupancy(List<ConsumerRecord<String, String>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        if (guard.repositioned(consumer)) {
            return;
        }
        occupancy.handle(records);
        ack.acknowledge();
    }

    @KafkaListener(id = SESSIONS_LISTENER, topics = SessionTopic.NAME,
            groupId = "${citypark.availability.consumer.group-id:citypark-availability}",
            containerFactory = AvailabilityKafkaConfiguration.FACTORY,
            concurrency = "1",
            autoStartup = "${citypark.availability.consumer.enabled:${spring.kafka.listener.auto-startup:true}}",
            properties = "max.poll.records=${citypark.availability.consumer.max-poll-records:1000}")
    void onSessions(List<ConsumerRecord<String, String>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        if (guard.repositioned(consumer)) {
            return;
        }
        sessions.handle(records);
        ack.acknowledge();
    }

    /**
     * An idle container (no records for a while) still goes back after a rebuild: partitions with nothing new would
     * otherwise never replay. The event is published on the consumer thread, so the consumer may be used here.
     */
    @EventListener(condition = "event.listenerId.startsWith('" + OCCUPANCY_LISTENER + "') "
            + "or event.listenerId.startsWith('" + SESSIONS_LISTENER + "')")
    void onIdle(ListenerContainerIdleEvent event) {
        try {
            guard.repositioned(event.getConsumer());
        }
        catch (RuntimeException e) {
            log.debug("Idle replay check of {} failed: {}", event.getListenerId(), e.toString());
        }
    }
}
