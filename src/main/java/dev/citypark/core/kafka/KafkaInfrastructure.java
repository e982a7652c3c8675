package dev.citypark.core.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** One long-lived Kafka admin client per instance, for health checks and the topic readiness wait. */
@Configuration(proxyBeanMethods = false)
class KafkaInfrastructure {

    @Bean(destroyMethod = "close")
    Admin kafkaAdminClient(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }
}
