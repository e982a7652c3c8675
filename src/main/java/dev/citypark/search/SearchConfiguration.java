package dev.citypark.search;

import java.time.Clock;

import dev.citypark.billing.Tariffs;
import dev.citypark.registry.Registry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires {@link NearestSearch} on the live registry, the tariff engine and the live-availability adapter. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    NearestSearch nearestSearch(Registry registry, Tariffs tariffs, LiveAvailability searchLiveAvailability) {
        return new NearestSearch(registry::snapshot, tariffs, searchLiveAvailability, LinearTrendPredictor.standard(),
                Clock.systemUTC());
    }
}
