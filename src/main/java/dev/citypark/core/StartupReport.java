package dev.citypark.core;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs the one line an operator of the service looks for: where citypark answers and which servers it uses. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger("citypark");

    private final CoreProperties properties;
    private final ObjectProvider<R2dbcConnectionDetails> postgres;
    private final ObjectProvider<DataRedisConnectionDetails> redis;
    private final ObjectProvider<KafkaConnectionDetails> kafka;

    StartupReport(CoreProperties properties, ObjectProvider<R2dbcConnectionDetails> postgres,
            ObjectProvider<DataRedisConnectionDetails> redis, ObjectProvider<KafkaConnectionDetails> kafka) {
        this.properties = properties;
        this.postgres = postgres;
        this.redis = redis;
        this.kafka = kafka;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        String url = properties.publicUrl();
        if (url.isBlank() && event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null) {
            url = "http://localhost:" + web.getWebServer().getPort();
        }
        log.info("citypark ready in {} s at {} | PostgreSQL {} | Redis {} | Kafka {}",
                String.format(Locale.ROOT, "%.1f", event.getTimeTaken().toMillis() / 1000.0), url,
                describePostgres(), describeRedis(), describeKafka());
    }

    private String describePostgres() {
        R2dbcConnectionDetails details = postgres.getIfAvailable();
        if (details == null) {
            return "(not configured)";
        }
        ConnectionFactoryOptions options = details.getConnectionFactoryOptions();
        Object host = options.getValue(ConnectionFactoryOptions.HOST);
        Object port = options.getValue(ConnectionFactoryOptions.PORT);
        Object database = options.getValue(ConnectionFactoryOptions.DATABASE);
        return host + ":" + (port == null ? 5432 : port) + "/" + database;
    }

    private String describeRedis() {
        DataRedisConnectionDetails details = redis.getIfAvailable();
        if (details == null) {
            return "(not configured)";
        }
        if (details.getCluster() != null) {
            return "cluster " + details.getCluster().getNodes().stream()
                    .map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","));
        }
        if (details.getSentinel() != null) {
            return "sentinel " + details.getSentinel().getMaster();
        }
        DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
        return standalone == null ? "(unknown)" : standalone.getHost() + ":" + standalone.getPort();
    }

    private String describeKafka() {
        KafkaConnectionDetails details = kafka.getIfAvailable();
        List<String> servers = details == null ? List.of() : details.getBootstrapServers();
        return servers.isEmpty() ? "(not configured)" : String.join(",", servers);
    }
}
