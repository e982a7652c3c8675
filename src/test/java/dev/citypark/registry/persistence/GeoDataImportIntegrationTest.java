package dev.citypark.registry.persistence;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import dev.citypark.embedded.EmbeddedServers;
import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistryProperties;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoDataGenerator;
import dev.citypark.registry.geodata.GeoDataReader;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk import of a small seeded city through R2DBC ({@code unnest} batches in one transaction) loads back into
 * an identical registry snapshot, and a second import finds the release and skips.
 * <p>
 * It runs in a database of its own on the shared PostgreSQL server (migrated by Flyway like the application's), so
 * the shared {@code citypark} database keeps the committed city the other integration tests count on.
 */
class GeoDataImportIntegrationTest {

    private static final String DATABASE = "citypark_import_it";

    @Test
    void importsSmallCityOnceAndLoadsItBack(@TempDir Path dir) throws Exception {
        GeoDataGenerator.generate(7L, 0.01, dir);
        GeoData data = GeoDataReader.read(dir);
        ConnectionFactory connections = emptyDatabase();
        DatabaseClient database = DatabaseClient.create(connections);
        GeoDataImport importer = new GeoDataImport(database,
                TransactionalOperator.create(new R2dbcTransactionManager(connections)),
                new RegistryProperties(dir, false, 5000));
        RegistryStore store = new RegistryStore(database);

        StepVerifier.create(importer.importIfEmpty(data, "test-release")).expectNext(true)
                .verifyComplete();
        StepVerifier.create(importer.importIfEmpty(data, "test-release")).expectNext(false)
                .verifyComplete();

        RegistrySnapshot snapshot = store.load().block(Duration.ofSeconds(60));
        assertThat(snapshot).isNotNull();
        assertThat(snapshot.totalSpaces()).isEqualTo(data.totalSpaces());
        assertThat(snapshot.lotCount()).isEqualTo(data.lots().size());
        assertThat(snapshot.segmentCount()).isEqualTo(data.segments().size());
        assertThat(snapshot.bayCount()).isEqualTo(data.streamBays().count());
        assertThat(snapshot.listDistricts()).hasSize(data.districts().size());

        Lot garage = data.listIndoorGarages().get(0);
        assertThat(snapshot.findLot(garage.id())).contains(garage);
        var indoorBay = garage.indoorModel().bays().get(0);
        assertThat(snapshot.findBay(indoorBay.id())).hasValueSatisfying(place ->
                assertThat(place.lot()).contains(garage.id()));
        Segment segment = data.segments().get(0);
        assertThat(snapshot.findSegment(segment.id())).contains(segment);

        StepVerifier.create(database.sql("SELECT count(*) AS n FROM bay").map(r -> r.get("n", Long.class)).one())
                .expectNext(data.streamBays().count())
                .verifyComplete();
    }

    /** A fresh, migrated database on the shared server (test thread: JDBC and Flyway may block here). */
    private static ConnectionFactory emptyDatabase() throws Exception {
        EmbeddedServers servers = EmbeddedServers.shared();
        String server = "127.0.0.1:" + servers.postgresPort();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + server + "/postgres",
                servers.postgresUser(), null);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        Flyway.configure()
                .dataSource("jdbc:postgresql://" + server + "/" + DATABASE, servers.postgresUser(), null)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return ConnectionFactories.get("r2dbc:postgresql://" + servers.postgresUser() + "@" + server + "/" + DATABASE);
    }
}
