package dev.citypark.opendata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.NotFoundException;
import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.geodata.GeoData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/** How the exports map the registry and live values, on the committed city. */
@SuppressWarnings("unchecked")
class OpenDataTest {

    private static final Instant NOW = Instant.parse("2025-03-03T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static RegistrySnapshot city;
    private static CityIndex index;

    @BeforeAll
    static void readCity() {
        city = CommittedCity.snapshot();
        index = CityIndex.of(city, NOW);
    }

    private static OpenData openData(LiveValues live) {
        return new OpenData(() -> city, live, CLOCK);
    }

    private static Lot lot(java.util.function.Predicate<Lot> which) {
        return index.lots().stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    void unknownLiveValuesPublishNoNumbersAndNoStatus() {
        OpenData openData = openData(new InMemoryLiveValues());
        Lot lot = index.lots().get(0);

        Map<String, Object> entity = openData.getEntity(NgsiType.OFF_STREET_PARKING.urn(lot.id().value()),
                NgsiForm.KEY_VALUES).block();

        assertThat(entity).containsEntry("totalSpotNumber", lot.capacity().total())
                .doesNotContainKeys("availableSpotNumber", "occupiedSpotNumber", "occupancy", "status",
                        "occupancyModified");
        Map<String, Object> spot = openData.getEntity(NgsiType.PARKING_SPOT.urn(
                index.bays().get(0).bay().id().value()), NgsiForm.KEY_VALUES).block();
        assertThat(spot).containsEntry("status", "unknown");
        String status = new String(openData.parkingStatus().block().body(), StandardCharsets.UTF_8);
        assertThat(status).doesNotContain("numberOfVacantSpaces", "spacesAvailable")
                .contains("<prk:status>unknown</prk:status>");
    }

    @Test
    void liveValuesFillAvailabilityOccupancyAndStatus() {
        Lot lot = index.lots().get(0);
        int total = lot.capacity().total();
        Instant at = NOW.plusSeconds(10);
        InMemoryLiveValues live = new InMemoryLiveValues()
                .put(lot.id().value(), new LiveValue(total / 4, total - total / 4, LiveStatus.ALMOST_FULL, at));
        OpenData openData = openData(live);
        String id = NgsiType.OFF_STREET_PARKING.urn(lot.id().value());

        Map<String, Object> entity = openData.getEntity(id, NgsiForm.KEY_VALUES).block();

        assertThat(entity).containsEntry("availableSpotNumber", total / 4)
                .containsEntry("occupiedSpotNumber", total - total / 4)
                .containsEntry("status", List.of("almostFull"))
                .containsEntry("occupancyModified", at.toString())
                .containsEntry("dateModified", at.toString());
        assertThat((double) entity.get("occupancy")).isBetween(0.74, 0.76);
        Map<String, Object> normalized = openData.getEntity(id, NgsiForm.NORMALIZED).block();
        assertThat(normalized.get("availableSpotNumber")).isEqualTo(Map.of("type", "Property",
                "value", total / 4, "observedAt", at.toString()));
        assertThat(normalized.get("location")).isInstanceOfSatisfying(Map.class,
                geo -> assertThat(geo.get("type")).isEqualTo("GeoProperty"));
    }

    @Test
    void closedPlacesSayClosedWithoutCounts() {
        Lot lot = index.lots().get(1);
        InMemoryLiveValues live = new InMemoryLiveValues()
                .put(lot.id().value(), new LiveValue(0, 0, LiveStatus.CLOSED, NOW));

        Map<String, Object> entity = openData(live).getEntity(NgsiType.OFF_STREET_PARKING.urn(lot.id().value()),
                NgsiForm.KEY_VALUES).block();

        assertThat(entity).containsEntry("status", List.of("closed")).doesNotContainKey("availableSpotNumber");
    }

    @Test
    void indoorGarageBayNamesItsFloorZoneAndGarage() {
        CityIndex.BayEntry bay = index.bays().stream()
                .filter(b -> b.lot() != null && b.bay().category() == dev.citypark.registry.SpaceCategory.EV_CHARGING)
                .findFirst().orElseThrow();
        InMemoryLiveValues live = new InMemoryLiveValues().put(bay.bay().id().value(), LiveValue.bay(false, NOW));

        Map<String, Object> spot = openData(live).getEntity(NgsiType.PARKING_SPOT.urn(bay.bay().id().value()),
                NgsiForm.KEY_VALUES).block();

        assertThat(spot).containsEntry("category", List.of("offStreet"))
                .containsEntry("refParkingSite", NgsiType.OFF_STREET_PARKING.urn(bay.lot().id().value()))
                .containsEntry("status", "occupied");
        assertThat((String) spot.get("description")).contains("floor " + bay.floor().name(), "EV charging");
        Map<String, Object> normalized = openData(live).getEntity(NgsiType.PARKING_SPOT.urn(bay.bay().id().value()),
                NgsiForm.NORMALIZED).block();
        assertThat(normalized.get("refParkingSite")).isEqualTo(Map.of("type", "Relationship",
                "object", NgsiType.OFF_STREET_PARKING.urn(bay.lot().id().value())));
    }

    @Test
    void parkAndRideLotIsAnUrbanDeterrentWithItsUsageScenario() {
        Lot lot = lot(Lot::parkAndRide);

        Map<String, Object> entity = openData(new InMemoryLiveValues())
                .getEntity(NgsiType.OFF_STREET_PARKING.urn(lot.id().value()), NgsiForm.KEY_VALUES).block();

        assertThat(entity).containsEntry("usageScenario", List.of("parkAndRide"));
        assertThat((List<Object>) entity.get("category")).contains("urbanDeterrentParking", "public", "feeCharged");
    }

    @Test
    void segmentListsItsBaysAndRestrictions() {
        Segment segment = index.segments().stream()
                .filter(s -> s.restrictions().findMaxStay().isPresent()).findFirst().orElseThrow();

        Map<String, Object> entity = openData(new InMemoryLiveValues())
                .getEntity(NgsiType.ON_STREET_PARKING.urn(segment.id().value()), NgsiForm.KEY_VALUES).block();

        assertThat(entity).containsEntry("totalSpotNumber", segment.bays().size())
                .containsEntry("maximumParkingDuration", segment.restrictions().maxStay().toString());
        assertThat((List<Object>) entity.get("refParkingSpot")).hasSize(segment.bays().size())
                .contains(NgsiType.PARKING_SPOT.urn(segment.bays().get(0).id().value()));
        assertThat((List<Object>) entity.get("category")).contains("shortTerm");
    }

    @Test
    void pagesInIdOrderWithOneLiveReadPerPage() {
        InMemoryLiveValues live = new InMemoryLiveValues();
        OpenData openData = openData(live);

        EntityPage first = openData.listEntities(NgsiType.PARKING_SPOT, 0, 1000, NgsiForm.KEY_VALUES).block();
        EntityPage second = openData.listEntities(NgsiType.PARKING_SPOT, 1000, 1000, NgsiForm.KEY_VALUES).block();

        assertThat(first.entities()).hasSize(1000);
        assertThat(first.total()).isEqualTo(city.bayCount());
        assertThat(first.entities().get(0).get("id"))
                .isEqualTo(NgsiType.PARKING_SPOT.urn(index.bays().get(0).bay().id().value()));
        assertThat(second.entities().get(0).get("id"))
                .isEqualTo(NgsiType.PARKING_SPOT.urn(index.bays().get(1000).bay().id().value()));
        assertThat(live.reads()).isEqualTo(2);
        EntityPage last = openData.listEntities(NgsiType.OFF_STREET_PARKING, city.lotCount() - 3, 10,
                NgsiForm.KEY_VALUES).block();
        assertThat(last.entities()).hasSize(3);
        assertThat(openData.listEntities(NgsiType.OFF_STREET_PARKING, city.lotCount() + 5, 10,
                NgsiForm.KEY_VALUES).block().entities()).isEmpty();
    }

    @Test
    void refusesPagesOutsideTheLimits() {
        OpenData openData = openData(new InMemoryLiveValues());

        StepVerifier.create(openData.listEntities(NgsiType.PARKING_SPOT, 0, 1001, NgsiForm.KEY_VALUES))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(InvalidValueException.class,
                        invalid -> assertThat(invalid.field()).isEqualTo("limit")))
                .verify();
        StepVerifier.create(openData.listEntities(NgsiType.PARKING_SPOT, -1, 10, NgsiForm.KEY_VALUES))
                .expectError(InvalidValueException.class).verify();
    }

    @Test
    void unknownIdsAreNotFoundAndNonUrnsInvalid() {
        OpenData openData = openData(new InMemoryLiveValues());

        StepVerifier.create(openData.getEntity("urn:ngsi-ld:OffStreetParking:QD-L-99999", NgsiForm.KEY_VALUES))
                .expectError(NotFoundException.class).verify();
        StepVerifier.create(openData.getEntity("urn:ngsi-ld:Vehicle:QD-L-00001", NgsiForm.KEY_VALUES))
                .expectError(NotFoundException.class).verify();
        StepVerifier.create(openData.getEntity("urn:ngsi-ld:ParkingSpot:not an id", NgsiForm.KEY_VALUES))
                .expectError(NotFoundException.class).verify();
        StepVerifier.create(openData.getEntity("QD-L-00001", NgsiForm.KEY_VALUES))
                .expectError(InvalidValueException.class).verify();
    }

    @Test
    void parkingTableIsBuiltOncePerRegistrySnapshot() {
        GeoData data = dev.citypark.registry.geodata.GeoDataReader.read(java.nio.file.Path.of("geo-data"));
        AtomicReference<RegistrySnapshot> current = new AtomicReference<>(city);
        OpenData openData = new OpenData(current::get, new InMemoryLiveValues(), CLOCK);

        Export first = openData.parkingTable().block();
        Export again = openData.parkingTable().block();
        current.set(new RegistrySnapshot(data.operators(), data.districts(), data.lots(), data.segments(),
                data.screens()));
        Export afterSwap = openData.parkingTable().block();

        assertThat(again).isSameAs(first);
        assertThat(afterSwap).isNotSameAs(first);
        assertThat(afterSwap.etag()).as("same content, same tag").isEqualTo(first.etag());
    }
}
