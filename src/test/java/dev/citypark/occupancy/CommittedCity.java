package dev.citypark.occupancy;

import java.nio.file.Path;

import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoDataReader;

/** The committed Qingdao geo-data as a registry snapshot, read once per test JVM (about 1.5 s) for plain tests. */
public final class CommittedCity {

    private static RegistrySnapshot snapshot;

    private CommittedCity() {
    }

    public static synchronized RegistrySnapshot snapshot() {
        if (snapshot == null) {
            GeoData data = GeoDataReader.read(Path.of("geo-data"));
            snapshot = new RegistrySnapshot(data.operators(), data.districts(), data.lots(), data.segments(),
                    data.screens());
        }
        return snapshot;
    }
}
