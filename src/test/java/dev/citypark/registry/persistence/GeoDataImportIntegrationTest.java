package dev.citypark.registry.persistence;

import java.nio.file.Path;
import java.time.Duration;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoDataGenerator;
import dev.citypark.registry.geodata.GeoDataReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk import of a small seeded city through R2DBC ({@code unnest} batches in one transaction) loads back into
 * an identical registry snapshot, and a second import finds the release and skips.
 */
@CityparkIntegrationTest
class GeoDataImportIntegrationTest {

    @Autowired
    GeoDataImport importer;

    @Autowired
    RegistryStore store;

    @Autowired
    DatabaseClient database;

    @Test
    void importsSmallCityOnceAndLoadsItBack(@TempDir Path dir) throws Exception {
        GeoDataGenerator.generate(7L, 0.01, dir);
        GeoData data = GeoDataReader.read(dir);
        // the shared test database already holds the committed city, imported when the first context started
        StepVerifier.create(database.sql("TRUNCATE geo_data_import, bay, lot, segment, guidance_screen, district, "
                + "operator").then()).verifyComplete();

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
}
