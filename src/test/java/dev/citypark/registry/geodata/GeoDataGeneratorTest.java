package dev.citypark.registry.geodata;

import dev.citypark.core.OperatorId;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Operator;
import dev.citypark.registry.OperatorKind;
import dev.citypark.registry.Segment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class GeoDataGeneratorTest {

    @Test
    void sameSeedWritesByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
        GeoDataGenerator.generate(42, 0.01, first);
        GeoDataGenerator.generate(42, 0.01, second);

        List<Path> files = listFiles(first);
        assertThat(files).hasSize(7).isEqualTo(listFiles(second));
        for (Path file : files) {
            assertThat(Files.readAllBytes(second.resolve(file)))
                    .as(file.toString())
                    .isEqualTo(Files.readAllBytes(first.resolve(file)));
        }
    }

    @Test
    void differentSeedGivesADifferentCity(@TempDir Path first, @TempDir Path second) throws IOException {
        GeoData a = GeoDataGenerator.generate(1, 0.01, first);
        GeoData b = GeoDataGenerator.generate(2, 0.01, second);

        assertThat(Files.readAllBytes(first.resolve("lots.geojson")))
                .isNotEqualTo(Files.readAllBytes(second.resolve("lots.geojson")));
        assertThat(a.lots().get(0).point()).isNotEqualTo(b.lots().get(0).point());
        // the totals are fixed by the scale, not the seed
        assertThat(a.totalSpaces()).isEqualTo(b.totalSpaces()).isEqualTo(3000);
    }

    @Test
    void smallScaleHasExactTotals() {
        GeoData city = SmallCity.data();
        GeoDataManifest manifest = city.manifest();

        assertThat(manifest.totalSpaces()).isEqualTo(3000);
        assertThat(city.totalSpaces()).isEqualTo(3000);
        assertThat(manifest.onStreetSpaces() + manifest.offStreetSpaces()).isEqualTo(3000);
        assertThat(manifest.perDistrict()).hasSize(10);
        assertThat(manifest.perDistrict().stream().mapToLong(GeoDataManifest.DistrictSpaces::totalSpaces).sum())
                .isEqualTo(3000);
        assertThat(manifest.onStreetSpaces()).isBetween(500L, 700L);
        assertThat(city.lots().stream().mapToInt(l -> l.capacity().total()).sum())
                .isEqualTo((int) manifest.offStreetSpaces());
    }

    @Test
    void smallScaleKeepsAFullIndoorGarage() {
        List<Lot> garages = SmallCity.data().listIndoorGarages();

        assertThat(garages).hasSize(1);
        IndoorModel model = garages.get(0).indoorModel();
        assertThat(model.floors()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(model.bays()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(garages.get(0).capacity()).isEqualTo(model.capacity());
    }

    @Test
    void denseDistrictsHoldMoreSpacesThanCountyCities() {
        Map<String, Long> spaces = SmallCity.data().manifest().perDistrict().stream()
                .collect(Collectors.toMap(GeoDataManifest.DistrictSpaces::code,
                        GeoDataManifest.DistrictSpaces::totalSpaces));

        for (String dense : List.of("370202", "370203", "370212", "370213")) {
            for (String sparse : List.of("370281", "370283", "370285")) {
                assertThat(spaces.get(dense)).as(dense + " vs " + sparse).isGreaterThan(spaces.get(sparse));
            }
        }
    }

    @Test
    void tariffsFollowTheDistrictRules() {
        GeoData city = SmallCity.data();
        Set<String> core = Set.of("370202", "370203");
        Set<String> outer = Set.of("370281", "370283", "370285");
        Set<String> denseStreets = Set.of("370202", "370203", "370212", "370213");
        for (Lot lot : city.lots()) {
            String expected;
            if (lot.tariffId().equals("QD-AIRPORT")) {
                assertThat(lot.parkAndRide()).isTrue();
                assertThat(lot.districtCode()).isEqualTo("370281");
                continue;
            } else if (lot.parkAndRide()) {
                expected = "QD-PR";
            } else if (core.contains(lot.districtCode())) {
                expected = "QD-T1-CORE";
            } else if (outer.contains(lot.districtCode())) {
                expected = "QD-T3-OUTER";
            } else {
                expected = "QD-T2-URBAN";
            }
            assertThat(lot.tariffId()).as(lot.id().value()).isEqualTo(expected);
        }
        for (Segment segment : city.segments()) {
            assertThat(segment.tariffId()).isEqualTo(denseStreets.contains(segment.districtCode())
                    ? "QD-ONSTREET-A" : "QD-ONSTREET-B");
        }
    }

    @Test
    void airportAndMetroParkAndRideLotsExist() {
        List<Lot> parkAndRide = SmallCity.data().lots().stream().filter(Lot::parkAndRide).toList();

        assertThat(parkAndRide.stream().filter(l -> l.tariffId().equals("QD-AIRPORT")).count())
                .isGreaterThanOrEqualTo(3);
        assertThat(parkAndRide.stream().filter(l -> l.tariffId().equals("QD-PR")).map(Lot::districtCode)
                .distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(parkAndRide).allSatisfy(l -> assertThat(l.openingHours()).isEqualTo("24/7"));
    }

    @Test
    void everyLotAndSegmentHasAnOperatorOfTheRightKind() {
        GeoData city = SmallCity.data();
        Map<OperatorId, OperatorKind> kinds = city.operators().stream()
                .collect(Collectors.toMap(Operator::id, Operator::kind));

        assertThat(city.operators()).hasSizeBetween(25, 35);
        assertThat(kinds.values()).contains(OperatorKind.GARAGE_COMPANY, OperatorKind.ON_STREET_CONCESSION,
                OperatorKind.SENSOR_GATEWAY);
        assertThat(city.lots()).allSatisfy(l -> assertThat(kinds.get(l.operator()))
                .isEqualTo(OperatorKind.GARAGE_COMPANY));
        assertThat(city.segments()).allSatisfy(s -> assertThat(kinds.get(s.operator()))
                .isIn(OperatorKind.ON_STREET_CONCESSION, OperatorKind.SENSOR_GATEWAY));
    }

    @Test
    void screensPointToTwoToFourLotsWithArrows() {
        GeoData city = SmallCity.data();
        Set<String> lotIds = city.lots().stream().map(l -> l.id().value()).collect(Collectors.toSet());

        assertThat(city.screens()).isNotEmpty();
        assertThat(city.screens()).allSatisfy(screen -> {
            assertThat(screen.lines()).hasSizeBetween(2, 4);
            assertThat(screen.lines()).allSatisfy(line -> assertThat(lotIds).contains(line.lotId().value()));
        });
    }

    @Test
    void arrowsFollowTheBearingRelativeToTheDriver() {
        assertThat(CityBuilder.arrow(0, 5)).isEqualTo(dev.citypark.registry.ScreenArrow.AHEAD);
        assertThat(CityBuilder.arrow(0, 45)).isEqualTo(dev.citypark.registry.ScreenArrow.AHEAD_RIGHT);
        assertThat(CityBuilder.arrow(0, 315)).isEqualTo(dev.citypark.registry.ScreenArrow.AHEAD_LEFT);
        assertThat(CityBuilder.arrow(90, 180)).isEqualTo(dev.citypark.registry.ScreenArrow.RIGHT);
        assertThat(CityBuilder.arrow(90, 0)).isEqualTo(dev.citypark.registry.ScreenArrow.LEFT);
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }
}
