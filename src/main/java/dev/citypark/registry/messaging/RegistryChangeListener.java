package dev.citypark.registry.messaging;

import java.time.Duration;
import java.util.Map;

import dev.citypark.registry.LotChanged;
import dev.citypark.registry.OperatorLots;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's registry snapshot in step with changes made through other instances: every instance reads
 * every {@link LotChanged} event (a consumer group of its own, named with a random suffix) and reloads that lot from
 * PostgreSQL unless its snapshot already has that version. Its own changes arrive too and are skipped by the version
 * check.
 * <p>
 * On partition assignment it seeks back {@link #CATCH_UP} in time, so a change committed while this instance was
 * starting (after its snapshot was loaded, before the listener was assigned) is not missed; replaying older events
 * costs only the version check. Runs on the Kafka listener thread, where waiting for the reload is allowed.
 */
@Component
class RegistryChangeListener implements ConsumerSeekAware {

    static final Duration CATCH_UP = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(RegistryChangeListener.class);
    private static final Duration RELOAD_LIMIT = Duration.ofSeconds(30);

    private final OperatorLots lots;

    RegistryChangeListener(OperatorLots lots) {
        this.lots = lots;
    }

    @KafkaListener(topics = LotChanged.TOPIC, groupId = "citypark-registry-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=latest")
    void onChange(ConsumerRecord<String, String> record) {
        LotChanged event;
        try {
            event = LotChanged.fromJson(record.value());
        }
        catch (IllegalArgumentException e) {
            log.warn("Skipping an unreadable registry event at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        // a Kafka listener thread, not a reactive one: waiting here is what paces the consumer
        Boolean changed = lots.reloadLot(event.lotId(), event.version()).block(RELOAD_LIMIT);
        if (Boolean.TRUE.equals(changed)) {
            log.info("Registry: reloaded lot {} at version {} after a change elsewhere", event.lotId(),
                    event.version());
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(assignments.keySet(), System.currentTimeMillis() - CATCH_UP.toMillis());
    }
}
