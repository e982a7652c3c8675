package dev.citypark.findmycar;

import static dev.citypark.findmycar.TestGarage.bay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import dev.citypark.core.LotId;
import dev.citypark.core.NotFoundException;
import dev.citypark.registry.RegistrySnapshot;
import org.junit.jupiter.api.Test;

class IndoorRoutesTest {

    private final AtomicReference<RegistrySnapshot> registry =
            new AtomicReference<>(TestGarage.registry(TestGarage.model()));
    private final IndoorRoutes routes = new IndoorRoutes(registry::get);

    @Test
    void routesInALotOfTheRegistry() {
        Route route = routes.route(TestGarage.LOT, new RouteStart.QrAnchor("L-T.B1-E"), bay("B2-A003"));

        assertThat(route.lotId()).isEqualTo(TestGarage.LOT);
        assertThat(route.access()).isEqualTo(Access.ANY);
        assertThat(route.waypoints()).extracting(Waypoint::id)
                .containsExactly("B1-E", "B2-E", "B2-J0", "B2-J1", "L-T-B2-A003");
    }

    @Test
    void anUnknownLotOrALotWithoutAnIndoorModelIsNotFound() {
        assertThatThrownBy(() -> routes.route(LotId.of("L-NOPE"), new RouteStart.QrAnchor("x"), bay("B2-A001")))
                .isInstanceOf(NotFoundException.class).hasMessage("No lot with id 'L-NOPE'");
        assertThatThrownBy(() -> routes.route(LotId.of("L-SURFACE"), new RouteStart.QrAnchor("x"), bay("B2-A001")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No indoor model for lot with id 'L-SURFACE'");
    }

    @Test
    void cachesTheRouterUntilTheRegistryCarriesAnotherModel() {
        GarageRouter first = routes.routerFor(TestGarage.LOT);
        assertThat(routes.routerFor(TestGarage.LOT)).isSameAs(first);

        registry.set(TestGarage.registry(TestGarage.model()));

        GarageRouter rebuilt = routes.routerFor(TestGarage.LOT);
        assertThat(rebuilt).isNotSameAs(first);
        assertThat(rebuilt.model()).isSameAs(registry.get().findLot(TestGarage.LOT).orElseThrow().indoorModel());
        assertThat(routes.routerFor(TestGarage.LOT)).isSameAs(rebuilt);
    }

    @Test
    void concurrentCallersGetTheSameRoutes() throws Exception {
        Route expected = routes.route(TestGarage.LOT, new RouteStart.QrAnchor("L-T.B1-P1"), bay("B2-A001"));
        IndoorRoutes fresh = new IndoorRoutes(registry::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Route>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                calls.add(() -> fresh.route(TestGarage.LOT, new RouteStart.QrAnchor("L-T.B1-P1"), bay("B2-A001")));
            }
            for (Future<Route> result : pool.invokeAll(calls)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }
}
