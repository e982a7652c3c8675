package dev.citypark.findmycar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.core.Crs;
import dev.citypark.core.LatLon;
import dev.citypark.registry.Bay;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.WalkNodeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** GET /api/v1/lots/{id}/route on the committed city's first indoor garage. */
@CityparkIntegrationTest
class RouteIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    Registry registry;

    private Lot garage;
    private IndoorModel model;

    @BeforeEach
    void pickGarage() {
        garage = registry.snapshot().listLots(null, l -> l.indoorModel() != null, null, 1).get(0);
        model = garage.indoorModel();
    }

    private WalkNode pillarOnFloor(int level) {
        return model.nodes().stream().filter(n -> n.floor() == level && n.kind() == WalkNodeKind.PILLAR)
                .min(Comparator.comparing(WalkNode::id)).orElseThrow();
    }

    private int topFloor() {
        return model.floors().stream().max(Comparator.comparingInt(f -> Math.abs(f.level()))).orElseThrow().level();
    }

    private Bay bayOnFloor(int level) {
        return model.listBaysOn(level).get(0);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> getRoute(String query) {
        return web.get().uri("/api/v1/lots/" + garage.id() + "/route?" + query)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    @SuppressWarnings("unchecked")
    void routesFromAQrPillarToABayOnAnotherFloorThroughAShaft() {
        WalkNode pillar = pillarOnFloor(topFloor());
        int bayLevel = model.floors().stream().min(Comparator.comparingInt(f -> Math.abs(f.level()))).orElseThrow()
                .level();
        Bay bay = bayOnFloor(bayLevel);

        Map<String, Object> route = getRoute("from=" + pillar.qrAnchor() + "&to=" + bay.id());

        assertThat(route).containsEntry("lotId", garage.id().value()).containsEntry("bayId", bay.id().value())
                .containsEntry("access", "ANY").containsEntry("crs", "wgs84");
        assertThat((Double) route.get("totalMetres")).isGreaterThan(15.0);
        List<Map<String, Object>> waypoints = (List<Map<String, Object>>) route.get("waypoints");
        assertThat(waypoints.get(0)).containsEntry("id", pillar.id()).containsEntry("kind", "PILLAR");
        assertThat(waypoints.get(waypoints.size() - 1)).containsEntry("id", bay.id().value())
                .containsEntry("kind", "BAY").containsEntry("floor", bayLevel);
        for (int i = 1; i < waypoints.size(); i++) {
            if (!waypoints.get(i).get("floor").equals(waypoints.get(i - 1).get("floor"))) {
                assertThat(waypoints.get(i).get("kind")).isIn("ELEVATOR", "STAIRS")
                        .isEqualTo(waypoints.get(i - 1).get("kind"));
            }
        }
        List<Map<String, Object>> instructions = (List<Map<String, Object>>) route.get("instructions");
        String bayFloor = model.floors().stream().filter(f -> f.level() == bayLevel).findFirst().orElseThrow().name();
        assertThat(instructions).extracting(i -> (String) i.get("zh"))
                .anyMatch(text -> text.equals("乘电梯到" + bayFloor + "层") || text.startsWith("走楼梯"));
        assertThat((String) instructions.get(instructions.size() - 1).get("zh")).startsWith("车位 ");
        assertThat((String) instructions.get(instructions.size() - 1).get("en")).startsWith("Bay ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void snapsAGcj02PositionOnANamedFloorAndAnswersInGcj02() {
        WalkNode junction = model.nodes().stream().filter(n -> n.kind() == WalkNodeKind.JUNCTION)
                .filter(n -> n.floor() == topFloor()).min(Comparator.comparing(WalkNode::id)).orElseThrow();
        String floorName = model.floors().stream().filter(f -> f.level() == topFloor()).findFirst().orElseThrow()
                .name();
        LatLon gcj = Crs.GCJ02.fromWgs84(junction.point());

        Map<String, Object> route = getRoute("from=" + gcj.lat() + "," + gcj.lon() + "," + floorName + "&to="
                + bayOnFloor(topFloor()).id() + "&crs=gcj02&access=STEP_FREE");

        assertThat(route).containsEntry("crs", "gcj02").containsEntry("access", "STEP_FREE");
        assertThat((Double) route.get("snapMetres")).isLessThan(0.1);
        Map<String, Object> first = ((List<Map<String, Object>>) route.get("waypoints")).get(0);
        assertThat(first).containsEntry("id", junction.id());
        assertThat((Map<String, Object>) first.get("point")).containsEntry("lat", gcj.lat())
                .containsEntry("lon", gcj.lon());
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        WalkNode pillar = pillarOnFloor(topFloor());
        Bay bay = bayOnFloor(topFloor());
        String lot = "/api/v1/lots/" + garage.id() + "/route";

        expectValidation(lot + "?from=" + garage.id() + ".NOPE&to=" + bay.id(), "from");
        expectValidation(lot + "?from=91,120&to=" + bay.id(), "from");
        expectValidation(lot + "?from=" + pillar.qrAnchor() + "&to=QD-S-00001-01", "to");
        expectValidation(lot + "?from=" + pillar.qrAnchor() + "&to=" + bay.id() + "&access=LIFT", "access");
        expectValidation(lot + "?from=" + pillar.qrAnchor() + "&to=" + bay.id() + "&crs=osgb", "crs");
        expectValidation(lot + "?from=" + pillar.qrAnchor(), "to");
    }

    @Test
    void anUnknownLotOrOneWithoutAnIndoorModelIsNotFound() {
        Lot surface = registry.snapshot().listLots(null, l -> l.indoorModel() == null, null, 1).get(0);

        web.get().uri("/api/v1/lots/QD-L-99999/route?from=x&to=y").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").isEqualTo("No lot with id 'QD-L-99999'");
        web.get().uri("/api/v1/lots/" + surface.id() + "/route?from=x&to=y").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:citypark:problem:not-found");
    }

    private void expectValidation(String uri, String field) {
        web.get().uri(uri).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:citypark:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
