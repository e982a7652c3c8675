package dev.citypark.opendata;

import java.nio.file.Path;

import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoDataReader;

/** The committed Qingdao city in {@code geo-data/} as a registry snapshot, read once per test JVM. */
final class CommittedCity {

    private static RegistrySnapshot snapshot;

    private CommittedCity() {
    }

    static synchronized RegistrySnapshot snapshot() {
        if (snapshot == null) {
            GeoData data = GeoDataReader.read(Path.of("geo-data"));
            snapshot = new RegistrySnapshot(data.operators(), data.districts(), data.lots(), data.segments(),
                    data.screens());
        }
        return snapshot;
    }
}
