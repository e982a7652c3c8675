package dev.citypark.registry.geodata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One small generated city (seed 7, scale 0.01), written once per test JVM into a temporary folder. */
final class SmallCity {

    static final long SEED = 7;
    static final double SCALE = 0.01;

    private static Path dir;
    private static GeoData data;

    private SmallCity() {
    }

    static synchronized GeoData data() {
        if (data == null) {
            try {
                dir = Files.createTempDirectory("citypark-small-city");
                data = GeoDataGenerator.generate(SEED, SCALE, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    static synchronized Path dir() {
        data();
        return dir;
    }
}
