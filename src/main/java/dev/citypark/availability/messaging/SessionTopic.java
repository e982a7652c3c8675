package dev.citypark.availability.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * {@code citypark.sessions.v1} is the sessions module's topic; availability consumes it (gate entries and exits move
 * lot counts). It is declared here as well, with the same name and partition count, so the consumer has a topic to
 * subscribe to whichever module is deployed first; Kafka's admin leaves an existing topic alone.
 */
@Configuration(proxyBeanMethods = false)
class SessionTopic {

    static final String NAME = "citypark.sessions.v1";

    @Bean
    NewTopic availabilitySessionsTopic() {
        return TopicBuilder.name(NAME).partitions(6).build();
    }
}
