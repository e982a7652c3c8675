package dev.citypark;

import dev.citypark.embedded.EmbeddedServersConfiguration;
import org.springframework.boot.SpringApplication;

/**
 * The embedded default: citypark on real PostgreSQL, Redis and Kafka servers started in-process.
 * Run with {@code ./mvnw spring-boot:test-run}. The production jar ({@link CityparkApplication}) contains none of this.
 */
public class TestCityparkApplication {

    public static void main(String[] args) {
        SpringApplication.from(CityparkApplication::main)
                .with(EmbeddedServersConfiguration.class)
                .withAdditionalProfiles("embedded")
                .run(args);
    }
}
