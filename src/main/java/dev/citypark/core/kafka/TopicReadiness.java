package dev.citypark.core.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.citypark.core.CoreProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Holds startup until every topic citypark declares ({@link NewTopic} beans, created by Spring's {@link KafkaAdmin}
 * before any lifecycle bean starts) exists and each of its partitions has a leader. It starts in an early lifecycle
 * phase, so no listener container consumes and nothing is published before the topics can take it.
 */
@Component
class TopicReadiness implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicReadiness.class);

    private final Admin admin;
    private final ObjectProvider<NewTopic> topics;
    private final Duration timeout;
    private volatile boolean running;

    TopicReadiness(Admin admin, ObjectProvider<NewTopic> topics, CoreProperties properties) {
        this.admin = admin;
        this.topics = topics;
        this.timeout = properties.kafkaReadinessTimeout();
    }

    @Override
    public void start() {
        Set<String> names = new TreeSet<>();
        topics.orderedStream().forEach(t -> names.add(t.name()));
        if (!names.isEmpty()) {
            awaitLeaders(names);
        }
        running = true;
    }

    private void awaitLeaders(Set<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waitingFor = List.copyOf(names);
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(5, TimeUnit.SECONDS);
                waitingFor = withoutLeader(described);
                if (waitingFor.isEmpty()) {
                    log.info("Kafka topics ready, every partition has a leader: {}", names);
                    return;
                }
            }
            catch (ExecutionException | TimeoutException e) {
                waitingFor = List.copyOf(names);
                log.debug("Topics not describable yet: {}", e.toString());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka topics", e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka topics not ready after " + timeout + ": " + waitingFor);
            }
            try {
                // lifecycle start runs once on the main thread at startup, never on an event loop
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Kafka topics", e);
            }
        }
    }

    private static List<String> withoutLeader(Map<String, TopicDescription> described) {
        List<String> missing = new ArrayList<>();
        described.forEach((name, description) -> {
            for (TopicPartitionInfo partition : description.partitions()) {
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    missing.add(name + "-" + partition.partition());
                }
            }
        });
        return missing;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before Kafka listener containers and the outbox relay. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
