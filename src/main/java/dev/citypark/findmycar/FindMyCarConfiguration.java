package dev.citypark.findmycar;

import dev.citypark.registry.Registry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the routing API on the live registry. */
@Configuration(proxyBeanMethods = false)
class FindMyCarConfiguration {

    @Bean
    IndoorRoutes indoorRoutes(Registry registry) {
        return new IndoorRoutes(registry::snapshot);
    }
}
