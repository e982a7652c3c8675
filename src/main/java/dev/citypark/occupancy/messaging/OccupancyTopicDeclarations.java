package dev.citypark.occupancy.messaging;

import dev.citypark.occupancy.OccupancyProperties;
import dev.citypark.occupancy.OccupancyTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The occupancy topic and its dead-letter topic, created at startup if missing (replication: the broker default).
 * Partitions bound the consumers that can share the work; a place's events always land in the same partition because
 * the key is the place id.
 */
@Configuration(proxyBeanMethods = false)
class OccupancyTopicDeclarations {

    @Bean
    NewTopic occupancyTopic(OccupancyProperties properties) {
        return TopicBuilder.name(OccupancyTopics.OCCUPANCY).partitions(properties.partitions()).build();
    }

    @Bean
    NewTopic occupancyDeadLetterTopic(OccupancyProperties properties) {
        return TopicBuilder.name(OccupancyTopics.OCCUPANCY_DLT).partitions(properties.partitions()).build();
    }
}
