package dev.citypark.registry.web;

import dev.citypark.core.Crs;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.LatLon;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CoordinateConversionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FEATURE = """
            {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[120.38,36.06],[120.39,36.06],
             [120.39,36.07],[120.38,36.06]]]},
             "properties":{"point":[120.385,36.065],"name":"point","gates":[{"point":[120.381,36.06]}],
             "indoor":{"bays":[{"point":[120.386,36.066],"floor":-2}]},"bad":{"point":[500,36]}}}""";

    @Test
    void convertsEveryPositionOfATreeAndBackWithinOneMetre() {
        for (Crs crs : new Crs[] {Crs.GCJ02, Crs.BD09}) {
            CoordinateConversion c = new CoordinateConversion(crs);
            JsonNode tree = c.treeFromWgs84(JSON.readTree(FEATURE));
            JsonNode point = tree.get("properties").get("point");
            LatLon expected = crs.fromWgs84(GeoPoint.of(36.065, 120.385));
            assertThat(point.get(0).doubleValue()).isEqualTo(expected.lon());
            assertThat(point.get(1).doubleValue()).isEqualTo(expected.lat());
            assertThat(tree.get("geometry").get("coordinates").get(0).get(2).get(0).doubleValue()).isNotEqualTo(120.39);
            assertThat(tree.get("properties").get("gates").get(0).get("point").get(0).doubleValue())
                    .isNotEqualTo(120.381);
            assertThat(tree.get("properties").get("indoor").get("bays").get(0).get("floor").intValue()).isEqualTo(-2);
            // an out-of-range position is left for the GeoJSON reader to refuse with its field name
            assertThat(tree.get("properties").get("bad").get("point").get(0).doubleValue()).isEqualTo(500.0);

            JsonNode back = c.treeToWgs84(tree);
            JsonNode bay = back.get("properties").get("indoor").get("bays").get(0).get("point");
            assertThat(GeoPoint.of(bay.get(1).doubleValue(), bay.get(0).doubleValue())
                    .distanceMetresTo(GeoPoint.of(36.066, 120.386))).isLessThanOrEqualTo(1.0);
        }
    }

    @Test
    void wgs84IsLeftAlone() {
        CoordinateConversion c = new CoordinateConversion(Crs.WGS84);
        JsonNode tree = JSON.readTree(FEATURE);
        assertThat(c.treeFromWgs84(tree.deepCopy())).isEqualTo(tree);
        assertThat(c.treeToWgs84(tree.deepCopy())).isEqualTo(tree);
    }

    @Test
    void geoJsonOnlyWhenAskedForAtLeastAsStronglyAsJson() {
        assertThat(Representation.of(exchange(null))).isEqualTo(Representation.JSON);
        assertThat(Representation.of(exchange("*/*"))).isEqualTo(Representation.JSON);
        assertThat(Representation.of(exchange("application/*"))).isEqualTo(Representation.JSON);
        assertThat(Representation.of(exchange("application/json"))).isEqualTo(Representation.JSON);
        assertThat(Representation.of(exchange("application/geo+json"))).isEqualTo(Representation.GEO_JSON);
        assertThat(Representation.of(exchange("application/geo+json, application/json;q=0.5")))
                .isEqualTo(Representation.GEO_JSON);
        assertThat(Representation.of(exchange("application/geo+json;q=0.4, application/json")))
                .isEqualTo(Representation.JSON);
    }

    private static MockServerWebExchange exchange(String accept) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/lots");
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return MockServerWebExchange.from(request);
    }
}
