package dev.citypark;

import dev.citypark.embedded.EmbeddedServersConfiguration;
import org.springframework.boot.SpringApplication;

/**
 * The embedded default: citypark on real PostgreSQL, Redis and Kafka servers started in-process, with the simulator
 * driving a living city (profile {@code simulator}, {@code application-simulator.yml}; benchmarks start the
 * {@code embedded} profile alone, so no simulated load disturbs them). Run with {@code ./mvnw spring-boot:test-run};
 * {@code --citypark.simulator.enabled=false} for a quiet city. The production jar ({@link CityparkApplication})
 * contains none of this.
 */
public class TestCityparkApplication {

    public static void main(String[] args) {
        SpringApplication.from(CityparkApplication::main)
                .with(EmbeddedServersConfiguration.class)
                .withAdditionalProfiles("embedded", "simulator")
                .run(args);
    }
}
