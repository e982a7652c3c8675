package dev.citypark.availability.messaging;

import java.util.List;

import dev.citypark.occupancy.OccupancyTopics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
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

    private final OccupancyBatchHandler occupancy;
    private final SessionBatchHandler sessions;

    AvailabilityListeners(OccupancyBatchHandler occupancy, SessionBatchHandler sessions) {
        this.occupancy = occupancy;
        this.sessions = sessions;
    }

    @KafkaListener(id = OCCUPANCY_LISTENER, topics = OccupancyTopics.OCCUPANCY,
            groupId = "${citypark.availability.consumer.group-id:citypark-availability}",
            containerFactory = AvailabilityKafkaConfiguration.FACTORY,
            concurrency = "${citypark.availability.consumer.concurrency:2}",
            autoStartup = "${citypark.availability.consumer.enabled:true}",
            properties = "max.poll.records=${citypark.availability.consumer.max-poll-records:1000}")
    void onOccupancy(List<ConsumerRecord<String, String>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        occupancy.handle(records);
        ack.acknowledge();
    }

    @KafkaListener(id = SESSIONS_LISTENER, topics = SessionTopic.NAME,
            groupId = "${citypark.availability.consumer.group-id:citypark-availability}",
            containerFactory = AvailabilityKafkaConfiguration.FACTORY,
            concurrency = "1",
            autoStartup = "${citypark.availability.consumer.enabled:true}",
            properties = "max.poll.records=${citypark.availability.consumer.max-poll-records:1000}")
    void onSessions(List<ConsumerRecord<String, String>> records, Acknowledgment ack, Consumer<?, ?> consumer) {
        sessions.handle(records);
        ack.acknowledge();
    }
}
