package dev.citypark.availability.messaging;

import dev.citypark.availability.AvailabilityTopics;
import dev.citypark.occupancy.OccupancyProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The listener containers that apply events: batch listeners with manual, immediate commits (offsets are committed
 * only after Redis applied the batch), and an error handler that retries a failed batch for ever with backoff — a
 * Redis outage pauses ingest, it never skips events. Poison records never reach the error handler: the batch handler
 * dead-letters them itself.
 */
@Configuration(proxyBeanMethods = false)
class AvailabilityKafkaConfiguration {

    static final String FACTORY = "availabilityListenerContainerFactory";

    /** The history of applied place states, partitioned like the occupancy topic (key = place id). */
    @Bean
    NewTopic availabilityHistoryTopic(OccupancyProperties properties) {
        return TopicBuilder.name(AvailabilityTopics.HISTORY).partitions(properties.partitions()).build();
    }

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> availabilityListenerContainerFactory(
            ConsumerFactory<String, String> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.setBatchListener(true);
        ContainerProperties container = factory.getContainerProperties();
        container.setAckMode(ContainerProperties.AckMode.MANUAL_IMMEDIATE);
        container.setIdleEventInterval(2_000L);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
