package dev.citypark.core;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the reactive {@code @Scheduled} passes (outbox relay, housekeeping). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CoreConfiguration {
}
