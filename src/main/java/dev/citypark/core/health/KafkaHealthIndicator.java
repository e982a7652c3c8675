package dev.citypark.core.health;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Health component {@code kafka}: UP when the cluster answers with at least one broker within two seconds. */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final Admin admin;

    KafkaHealthIndicator(Admin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        DescribeClusterOptions options = new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis());
        return Mono.fromCompletionStage(() -> admin.describeCluster(options).nodes().toCompletionStage())
                .timeout(TIMEOUT.plusMillis(500))
                .map(nodes -> nodes.isEmpty()
                        ? builder.down().withDetail("brokers", 0).build()
                        : builder.up().withDetail("brokers", nodes.size()).build());
    }
}
