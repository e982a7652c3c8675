package dev.citypark.findmycar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import dev.citypark.findmycar.IndoorRoutes;
import dev.citypark.findmycar.TestGarage;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The controller on the hand-built test garage, whose third floor only the stairs reach. */
class RouteControllerTest {

    private final RouteController controller =
            new RouteController(new IndoorRoutes(() -> TestGarage.registry(TestGarage.model())));

    @Test
    void noStepFreeRouteIsUnprocessable() {
        assertThatThrownBy(() -> controller.route("L-T", "L-T.B1-P1", "L-T-B3-A001", null, "step_free")
                .block(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ResponseStatusException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.getReason())
                            .isEqualTo("No step-free walking route in lot L-T from B1-P1 to bay L-T-B3-A001");
                });
    }

    @Test
    void answersInTheRequestedCrs() {
        RouteController.RouteView view = controller.route("L-T", "L-T.B1-P1", "L-T-B2-A001", "gcj02", "ANY")
                .block(Duration.ofSeconds(5));

        assertThat(view).isNotNull();
        assertThat(view.crs()).isEqualTo("gcj02");
        assertThat(view.waypoints().get(0).point())
                .isEqualTo(dev.citypark.core.Crs.GCJ02.fromWgs84(TestGarage.at(20, -3)));
        assertThat(view.totalMetres()).isEqualTo(93.0);
        assertThat(view.instructions()).extracting(RouteController.InstructionView::kind)
                .startsWith("START").endsWith("ARRIVE");
    }
}
