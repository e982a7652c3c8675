package dev.citypark.registry.messaging;

import dev.citypark.registry.LotChanged;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The registry's Kafka topic: {@link LotChanged} events, key = lot id. */
@Configuration(proxyBeanMethods = false)
class RegistryTopics {

    @Bean
    NewTopic registryChangesTopic() {
        return TopicBuilder.name(LotChanged.TOPIC).partitions(6).build();
    }
}
