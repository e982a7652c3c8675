package dev.citypark.registry;

import java.nio.file.Files;
import java.time.Duration;

import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoDataReader;
import dev.citypark.registry.persistence.GeoDataImport;
import dev.citypark.registry.persistence.RegistryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Fills an empty registry from geo-data and loads the snapshot, before the web server opens (its lifecycle phase is
 * earlier than the server's), so no request ever sees an empty city. This runs once on the main thread at startup,
 * which is why it may wait for the reactive work to finish.
 */
@Component
class RegistryBootstrap implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegistryBootstrap.class);
    private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

    private final RegistryProperties properties;
    private final GeoDataImport importer;
    private final RegistryStore store;
    private final Registry registry;
    private volatile boolean running;

    RegistryBootstrap(RegistryProperties properties, GeoDataImport importer, RegistryStore store, Registry registry) {
        this.properties = properties;
        this.importer = importer;
        this.store = store;
        this.registry = registry;
    }

    @Override
    public void start() {
        // main thread, startup only: waiting here keeps the server closed until the city is loaded
        if (properties.importOnStart() && !Boolean.TRUE.equals(importer.isImported().block(STARTUP_LIMIT))) {
            importGeoData();
        }
        long started = System.nanoTime();
        RegistrySnapshot snapshot = store.load().block(STARTUP_LIMIT);
        registry.replace(snapshot);
        log.info("Registry loaded in {} ms: {} lots, {} segments, {} bays, {} spaces in {} districts",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), snapshot.lotCount(),
                snapshot.segmentCount(), snapshot.bayCount(), snapshot.totalSpaces(), snapshot.listDistricts().size());
        running = true;
    }

    private void importGeoData() {
        if (!Files.isRegularFile(properties.geoDataDir().resolve("manifest.json"))) {
            log.warn("Registry is empty and {} holds no geo-data release (manifest.json); starting with an empty city",
                    properties.geoDataDir().toAbsolutePath());
            return;
        }
        log.info("Registry is empty: importing geo-data from {}", properties.geoDataDir().toAbsolutePath());
        GeoData data = GeoDataReader.read(properties.geoDataDir());
        String manifestSha = sha256(properties.geoDataDir().resolve("manifest.json"));
        importer.importIfEmpty(data, manifestSha).block(STARTUP_LIMIT);
    }

    private static String sha256(java.nio.file.Path file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(digest);
        }
        catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the Kafka topic check, well before the web server (which starts near Integer.MAX_VALUE). */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 2000;
    }
}
