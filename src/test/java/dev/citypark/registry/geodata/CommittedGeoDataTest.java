package dev.citypark.registry.geodata;

import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.WalkNodeKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed city in {@code geo-data/}: read whole (checksums, validation, counts) in about two seconds. */
class CommittedGeoDataTest {

    private static final Path GEO_DATA = Path.of("geo-data");

    private static GeoData city;

    @BeforeAll
    static void read() {
        city = GeoDataReader.read(GEO_DATA);
    }

    @Test
    void manifestDeclaresExactlyThreeHundredThousandSpaces() {
        GeoDataManifest manifest = GeoDataReader.readManifest(GEO_DATA);

        assertThat(manifest.seed()).isEqualTo(GeoDataGenerator.DEFAULT_SEED);
        assertThat(manifest.scale()).isEqualTo(1.0);
        assertThat(manifest.totalSpaces()).isEqualTo(300_000);
        assertThat(manifest.onStreetSpaces() + manifest.offStreetSpaces()).isEqualTo(300_000);
        assertThat(manifest.perDistrict().stream().mapToLong(GeoDataManifest.DistrictSpaces::totalSpaces).sum())
                .isEqualTo(300_000);
        assertThat(manifest.onStreetSpaces()).isBetween(55_000L, 65_000L);
        assertThat(manifest.offStreetSpaces()).isBetween(235_000L, 245_000L);
        assertThat(manifest.segments()).isBetween(3_700, 4_300);
        assertThat(manifest.lots()).isBetween(1_350, 1_650);
        assertThat(manifest.indoorGarages()).isGreaterThanOrEqualTo(20);
        assertThat(manifest.screens()).isBetween(140, 160);
    }

    @Test
    void filesHoldWhatTheManifestDeclares() {
        assertThat(city.totalSpaces()).isEqualTo(300_000);
        assertThat(city.lots()).hasSize(city.manifest().lots());
        assertThat(city.segments()).hasSize(city.manifest().segments());
        assertThat(city.streamBays().count())
                .isEqualTo(city.manifest().onStreetBays() + city.manifest().indoorBays());
    }

    @Test
    void everyIndoorGarageHasThreeFloorsThreeHundredBaysAndQrAnchors() {
        List<Lot> garages = city.listIndoorGarages();

        assertThat(garages).hasSizeGreaterThanOrEqualTo(20);
        for (Lot garage : garages) {
            IndoorModel model = garage.indoorModel();
            assertThat(model.floors()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(model.bays()).hasSizeGreaterThanOrEqualTo(300);
            assertThat(model.nodes()).filteredOn(n -> n.kind() == WalkNodeKind.PILLAR)
                    .isNotEmpty().allSatisfy(n -> assertThat(n.qrAnchor()).isNotNull());
            assertThat(model.nodes()).extracting(n -> n.kind()).contains(WalkNodeKind.ELEVATOR,
                    WalkNodeKind.STAIRS, WalkNodeKind.PAY_STATION, WalkNodeKind.ENTRANCE);
        }
    }

    @Test
    void hasAirportAndMetroParkAndRide() {
        assertThat(city.lots()).filteredOn(l -> l.tariffId().equals("QD-AIRPORT"))
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(l -> {
                    assertThat(l.parkAndRide()).isTrue();
                    assertThat(l.capacity().total()).isGreaterThanOrEqualTo(1_000);
                });
        assertThat(city.lots()).filteredOn(l -> l.tariffId().equals("QD-PR"))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(l -> assertThat(l.parkAndRide()).isTrue());
    }

    @Test
    void countyCitiesAreSparserThanTheCore() {
        long core = city.lots().stream().filter(l -> l.districtCode().equals("370202")).count();
        long pingdu = city.lots().stream().filter(l -> l.districtCode().equals("370283")).count();

        assertThat(core).isGreaterThan(2 * pingdu);
    }
}
