package dev.citypark.core.health;

import java.time.Duration;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Health component {@code db}: UP when PostgreSQL answers a query through the R2DBC pool within two seconds. */
@Component("dbHealthIndicator")
class DbHealthIndicator extends AbstractReactiveHealthIndicator {

    private final DatabaseClient database;

    DbHealthIndicator(DatabaseClient database) {
        super("PostgreSQL health check failed");
        this.database = database;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return database.sql("SELECT current_setting('server_version') AS version")
                .map(row -> row.get("version", String.class))
                .one()
                .timeout(Duration.ofSeconds(2))
                .map(version -> builder.up().withDetail("database", "PostgreSQL").withDetail("version", version).build());
    }
}
