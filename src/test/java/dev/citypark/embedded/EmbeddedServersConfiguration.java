package dev.citypark.embedded;

import java.util.List;

import io.r2dbc.spi.ConnectionFactoryOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Wires the {@link EmbeddedServers} into Spring through Boot's connection details, so the application code is exactly
 * the code that runs against external servers in production.
 * <p>
 * {@code citypark.embedded.shared=true} (set by the integration tests) uses the JVM-wide shared servers; otherwise
 * (the run command) the context owns its servers and stops them after every client bean is closed: each
 * connection-details bean depends on the servers bean, so Spring destroys the clients first.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EmbeddedServersConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedServers embeddedServers(@Value("${citypark.embedded.shared:false}") boolean shared) {
        return shared ? EmbeddedServers.shared() : EmbeddedServers.start();
    }

    @Bean
    R2dbcConnectionDetails r2dbcConnectionDetails(EmbeddedServers servers) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(servers.postgresR2dbcUrl())
                .mutate()
                .option(ConnectionFactoryOptions.USER, servers.postgresUser())
                .build();
        return () -> options;
    }

    @Bean
    FlywayConnectionDetails flywayConnectionDetails(EmbeddedServers servers) {
        return new FlywayConnectionDetails() {
            @Override
            public String getUsername() {
                return servers.postgresUser();
            }

            @Override
            public String getPassword() {
                return null;
            }

            @Override
            public String getJdbcUrl() {
                return servers.postgresJdbcUrl();
            }
        };
    }

    @Bean
    DataRedisConnectionDetails redisConnectionDetails(EmbeddedServers servers) {
        return new DataRedisConnectionDetails() {
            @Override
            public Standalone getStandalone() {
                return Standalone.of("127.0.0.1", servers.redisPort());
            }
        };
    }

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails(EmbeddedServers servers) {
        List<String> bootstrap = List.of(servers.kafkaBootstrapServers().split(","));
        return () -> bootstrap;
    }
}
