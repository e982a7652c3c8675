package dev.citypark;

import org.springframework.boot.SpringApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * citypark: the whole city as one car park.
 * <p>
 * Each capability lives in its own top-level package ({@code registry}, {@code occupancy}, {@code availability},
 * {@code search}, {@code findmycar}, {@code session}, {@code billing}, {@code analytics}, {@code opendata},
 * {@code security}); {@code core} holds the value objects they share. The module rules are verified by
 * {@code ModularityTests}.
 */
@Modulithic(sharedModules = "core")
@SpringBootApplication
@ConfigurationPropertiesScan
public class CityparkApplication {

    public static void main(String[] args) {
        SpringApplication.run(CityparkApplication.class, args);
    }
}
