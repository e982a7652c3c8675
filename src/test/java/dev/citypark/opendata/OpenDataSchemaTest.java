package dev.citypark.opendata;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every export of the committed city (300,000 spaces) against the official schemas: FIWARE JSON Schemas for a
 * sample of a few hundred entities of each type plus every edge case (indoor garage bays, park-and-ride lots, EV and
 * disabled bays, free and time-limited segments), in key-values and in unwrapped normalized form, each with and
 * without live values; and both DATEX II publications of the whole city against {@code DATEXII_3_D2Payload.xsd}.
 */
class OpenDataSchemaTest {

    private static final Instant NOW = Instant.parse("2025-03-03T02:00:00Z");

    private static RegistrySnapshot city;
    private static FiwareSchemas fiware;
    private static Datex2Schema datex2;
    private static InMemoryLiveValues live;
    private static OpenData openData;
    private static CityIndex index;

    @BeforeAll
    static void exportTheCommittedCity() {
        city = CommittedCity.snapshot();
        fiware = new FiwareSchemas();
        datex2 = new Datex2Schema();
        live = new InMemoryLiveValues();
        index = CityIndex.of(city, NOW);
        // every third place has a live value, of every kind; the others stay unknown
        int i = 0;
        for (Lot lot : index.lots()) {
            int total = lot.capacity().total();
            switch (i++ % 6) {
                case 0 -> live.put(lot.id().value(), new LiveValue(total / 3, total - total / 3,
                        LiveStatus.SPACES_AVAILABLE, NOW.minusSeconds(40)));
                case 2 -> live.put(lot.id().value(), new LiveValue(0, total, LiveStatus.FULL, NOW.minusSeconds(5)));
                case 4 -> live.put(lot.id().value(), new LiveValue(0, 0, LiveStatus.CLOSED, NOW.minusSeconds(90)));
                default -> { }
            }
        }
        for (Segment segment : index.segments()) {
            if (i++ % 3 == 0) {
                live.put(segment.id().value(), new LiveValue(2, segment.bays().size() - 2 < 0 ? 0
                        : segment.bays().size() - 2, LiveStatus.ALMOST_FULL, NOW.minusSeconds(12)));
            }
        }
        for (CityIndex.BayEntry bay : index.bays()) {
            switch (i++ % 4) {
                case 0 -> live.put(bay.bay().id().value(), LiveValue.bay(true, NOW.minusSeconds(3)));
                case 1 -> live.put(bay.bay().id().value(), LiveValue.bay(false, NOW.minusSeconds(3)));
                case 2 -> live.put(bay.bay().id().value(), new LiveValue(0, 0, LiveStatus.CLOSED, NOW));
                default -> { }
            }
        }
        openData = new OpenData(() -> city, live, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everyLotValidatesAsOffStreetParkingInBothForms() {
        assertValid(NgsiType.OFF_STREET_PARKING, allIds(NgsiType.OFF_STREET_PARKING), 1_500);
    }

    @Test
    void sampledAndEdgeCaseSegmentsValidateAsOnStreetParkingInBothForms() {
        Set<String> ids = new LinkedHashSet<>(sample(NgsiType.ON_STREET_PARKING, 300));
        for (Segment segment : index.segments()) {
            boolean edge = segment.restrictions().findPaidHours().isEmpty()
                    || segment.restrictions().findMaxStay().isPresent()
                    || segment.capacity().count(SpaceCategory.EV_CHARGING) > 0
                    || segment.capacity().count(SpaceCategory.LARGE) > 0;
            if (edge && ids.size() < 900) {
                ids.add(NgsiType.ON_STREET_PARKING.urn(segment.id().value()));
            }
        }
        assertValid(NgsiType.ON_STREET_PARKING, ids, 500);
    }

    @Test
    void sampledIndoorAndSpecialBaysValidateAsParkingSpotInBothForms() {
        Set<String> ids = new LinkedHashSet<>(sample(NgsiType.PARKING_SPOT, 300));
        int indoor = 0;
        int special = 0;
        for (CityIndex.BayEntry bay : index.bays()) {
            String id = NgsiType.PARKING_SPOT.urn(bay.bay().id().value());
            if (bay.lot() != null && indoor < 400 && bay.bay().id().value().hashCode() % 20 == 0) {
                ids.add(id);
                indoor++;
            }
            if (bay.bay().category() != SpaceCategory.GENERAL && special < 300
                    && bay.bay().id().value().hashCode() % 5 == 0) {
                ids.add(id);
                special++;
            }
        }
        assertThat(indoor).as("indoor garage bays in the sample").isGreaterThan(300);
        assertThat(special).as("EV, disabled, large and NEV bays in the sample").isEqualTo(300);
        assertValid(NgsiType.PARKING_SPOT, ids, 800);
    }

    @Test
    void theWholeCityParkingTableValidatesAgainstTheDatex2Payload() {
        Export table = openData.parkingTable().block();
        keepForReading("parking-table.xml", table.body());

        assertThat(datex2.errorsOf(table.body())).isEmpty();
        String xml = new String(table.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(count(xml, "xsi:type=\"prk:Place\"")).isEqualTo(city.lotCount());
        assertThat(xml).contains("xsi:type=\"prk:ParkingTablePublication\"", "fac:OpenAllHours",
                "fac:OperatingHoursSpecification", "<prk:type>parkAndRide</prk:type>", "EV_CHARGING");
    }

    @Test
    void theWholeCityParkingStatusValidatesAgainstTheDatex2Payload() {
        Export status = openData.parkingStatus().block();
        keepForReading("parking-status.xml", status.body());

        assertThat(datex2.errorsOf(status.body())).isEmpty();
        String xml = new String(status.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(count(xml, "xsi:type=\"prk:PlaceStatus\"")).isEqualTo(city.lotCount());
        assertThat(xml).contains("<prk:status>unknown</prk:status>", "<prk:status>full</prk:status>",
                "<fac:openingStatus>closed</fac:openingStatus>", "<prk:numberOfVacantSpaces>");
    }

    private void assertValid(NgsiType type, Set<String> ids, int atLeast) {
        assertThat(ids).hasSizeGreaterThanOrEqualTo(atLeast);
        List<String> failures = new ArrayList<>();
        int withLive = 0;
        for (String id : ids) {
            Map<String, Object> keyValues = openData.getEntity(id, NgsiForm.KEY_VALUES).block();
            Map<String, Object> normalized = openData.getEntity(id, NgsiForm.NORMALIZED).block();
            if (keyValues.containsKey("occupancyModified") || !"unknown".equals(keyValues.get("status"))
                    && type == NgsiType.PARKING_SPOT) {
                withLive++;
            }
            fiware.errorsOf(type, keyValues).forEach(e -> failures.add(id + " (key-values): " + e));
            fiware.errorsOf(type, FiwareSchemas.unwrap(normalized)).forEach(e -> failures.add(id
                    + " (normalized): " + e));
            assertThat(FiwareSchemas.unwrap(normalized)).as(id).isEqualTo(keyValues);
        }
        assertThat(failures).as("schema errors").isEmpty();
        assertThat(withLive).as("entities with live values").isGreaterThan(ids.size() / 5);
    }

    private static Set<String> allIds(NgsiType type) {
        return sample(type, Integer.MAX_VALUE);
    }

    /** About {@code size} ids of {@code type} spread evenly over the id order. */
    private static Set<String> sample(NgsiType type, int size) {
        int total = index.count(type);
        int step = Math.max(1, total / Math.min(size, total));
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < total; i += step) {
            ids.add(switch (type) {
                case OFF_STREET_PARKING -> type.urn(index.lots().get(i).id().value());
                case ON_STREET_PARKING -> type.urn(index.segments().get(i).id().value());
                case PARKING_SPOT -> type.urn(index.bays().get(i).bay().id().value());
            });
        }
        return ids;
    }

    /** Leaves the document in {@code target/opendata/} for a human to read. */
    private static void keepForReading(String name, byte[] body) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "opendata"));
            java.nio.file.Files.write(dir.resolve(name), body);
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }
}
