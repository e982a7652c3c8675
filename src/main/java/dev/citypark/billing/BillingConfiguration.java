package dev.citypark.billing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the city's tariffs once at startup, on the main thread. */
@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    @Bean
    Tariffs tariffs(BillingProperties properties) {
        Tariffs tariffs = Tariffs.load(properties.tariffsFile());
        log.info("Loaded {} tariffs from {}", tariffs.listTariffs().size(), properties.tariffsFile());
        return tariffs;
    }
}
