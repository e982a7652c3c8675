package dev.citypark.registry;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registry settings, under {@code citypark.registry.*}.
 *
 * @param geoDataDir    the geo-data folder imported into an empty database at startup
 * @param importOnStart whether an empty registry is filled from {@code geoDataDir} at startup
 * @param importBatch   rows per bulk statement during the import
 */
@ConfigurationProperties("citypark.registry")
public record RegistryProperties(
        @DefaultValue("geo-data") Path geoDataDir,
        @DefaultValue("true") boolean importOnStart,
        @DefaultValue("5000") int importBatch) {

    public RegistryProperties {
        if (importBatch < 1 || importBatch > 50_000) {
            throw new IllegalArgumentException("citypark.registry.import-batch must be 1..50000, was " + importBatch);
        }
    }
}
