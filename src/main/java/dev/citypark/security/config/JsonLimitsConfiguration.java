package dev.citypark.security.config;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;

/**
 * Limits of the application's JSON parser (the one WebFlux decodes request bodies with): nesting deeper than
 * {@code citypark.security.json-max-depth} (default 32), numbers longer than 100 digits and strings longer than
 * 1,000,000 characters are refused while parsing — a 400 problem — before any object is built.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimitsConfiguration {

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits(SecurityProperties properties) {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(properties.jsonMaxDepth())
                .maxNumberLength(100)
                .maxStringLength(1_000_000)
                .build());
    }
}
