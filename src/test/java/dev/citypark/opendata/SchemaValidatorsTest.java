package dev.citypark.opendata;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validators the open-data tests rely on really validate: the published examples pass, and documents that break
 * the schemas are rejected, so a green schema test is not a validator that accepts anything.
 */
class SchemaValidatorsTest {

    private final FiwareSchemas fiware = new FiwareSchemas();
    private final Datex2Schema datex2 = new Datex2Schema();

    @Test
    void publishedKeyValuesExamplesValidate() throws Exception {
        for (NgsiType type : NgsiType.values()) {
            String example = new String(getClass().getClassLoader()
                    .getResourceAsStream("schemas/fiware/" + type.ngsiName() + "/examples/example.json")
                    .readAllBytes(), StandardCharsets.UTF_8);
            assertThat(fiware.errorsOfJson(type, example)).as(type.ngsiName()).isEmpty();
        }
    }

    @Test
    void rejectsEntitiesThatBreakTheSchema() {
        Map<String, Object> spot = new LinkedHashMap<>();
        spot.put("id", "urn:ngsi-ld:ParkingSpot:X-1");
        spot.put("type", "ParkingSpot");
        spot.put("location", Map.of("type", "Point", "coordinates", List.of(120.38, 36.06)));
        spot.put("category", List.of("onStreet"));
        spot.put("refParkingSite", "urn:ngsi-ld:OnStreetParking:X");
        spot.put("status", "probablyFree");
        assertThat(fiware.errorsOf(NgsiType.PARKING_SPOT, spot)).isNotEmpty();

        spot.put("status", "free");
        assertThat(fiware.errorsOf(NgsiType.PARKING_SPOT, spot)).isEmpty();

        spot.put("dateModified", "yesterday");
        assertThat(fiware.errorsOf(NgsiType.PARKING_SPOT, spot)).as("date-time format is asserted").isNotEmpty();

        Map<String, Object> lot = new LinkedHashMap<>();
        lot.put("id", "urn:ngsi-ld:OffStreetParking:X");
        lot.put("type", "OffStreetParking");
        lot.put("location", Map.of("type", "Point", "coordinates", List.of(120.38, 36.06)));
        lot.put("totalSpotNumber", 0);
        assertThat(fiware.errorsOf(NgsiType.OFF_STREET_PARKING, lot)).isNotEmpty();
    }

    @Test
    void rejectsDatex2DocumentsThatBreakTheSchema() {
        String valid = """
                <?xml version="1.0" encoding="UTF-8"?>
                <d2:payload xmlns:d2="http://datex2.eu/schema/3/d2Payload" xmlns:com="http://datex2.eu/schema/3/common"
                    xmlns:prk="http://datex2.eu/schema/3/parking" xmlns:fac="http://datex2.eu/schema/3/facilities"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="prk:ParkingStatusPublication"
                    lang="zh" modelBaseVersion="3">
                  <com:publicationTime>2025-03-03T02:00:00Z</com:publicationTime>
                  <com:publicationCreator><com:country>cn</com:country><com:nationalIdentifier>x</com:nationalIdentifier></com:publicationCreator>
                  <prk:parkingStatusInformation xsi:type="prk:PlaceStatus">
                    <fac:reference targetClass="fac:FacilityObject" id="L1" version="1"/>
                    <prk:status>%s</prk:status>
                  </prk:parkingStatusInformation>
                </d2:payload>
                """;
        assertThat(datex2.errorsOf(valid.formatted("unknown").strip().getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(datex2.errorsOf(valid.formatted("maybe").strip().getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(datex2.errorsOf(valid.formatted("unknown").replace("modelBaseVersion=\"3\"", "")
                .strip().getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
