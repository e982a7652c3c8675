package dev.citypark.billing;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing settings, under {@code citypark.billing.*}.
 *
 * @param tariffsFile the tariff definitions (JSON, format version 1), loaded at startup
 */
@ConfigurationProperties("citypark.billing")
public record BillingProperties(@DefaultValue("geo-data/tariffs.json") Path tariffsFile) {
}
