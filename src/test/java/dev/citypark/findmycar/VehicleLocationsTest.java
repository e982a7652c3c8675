package dev.citypark.findmycar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.citypark.core.DriverId;
import dev.citypark.core.GateId;
import dev.citypark.core.NotFoundException;
import dev.citypark.core.OperatorId;
import dev.citypark.core.Plate;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.security.Caller;
import dev.citypark.session.ParkedVehicle;
import dev.citypark.session.PlaceKind;
import dev.citypark.session.SessionId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class VehicleLocationsTest {

    static final Plate PLATE = Plate.of("鲁B12345");
    static final DriverId OWNER = DriverId.of("D-OWNER");
    static final Instant SINCE = Instant.parse("2026-05-01T01:00:00Z");

    final RegistrySnapshot city = TestGarage.registry(TestGarage.model());
    final AtomicInteger sessionReads = new AtomicInteger();
    ParkedVehicle parkedAt = new ParkedVehicle(SessionId.random(), PLATE, PlaceKind.LOT, TestGarage.LOT.value(),
            OperatorId.of("OP-T"), Optional.of(GateId.of("L-T-G1")), Optional.of(TestGarage.bay("B3-A001")), SINCE);

    final VehicleLocations locations = new VehicleLocations(() -> city,
            (driver, plate) -> Mono.just(driver.equals(OWNER) && plate.equals(PLATE)),
            (plate, code) -> Mono.just(plate.equals(PLATE) && "K7M2Q9".equals(code)),
            plate -> Mono.defer(() -> {
                sessionReads.incrementAndGet();
                return plate.equals(PLATE) && parkedAt != null ? Mono.just(parkedAt) : Mono.empty();
            }),
            new IndoorRoutes(() -> city));

    @Test
    void showsTheOwnerTheBayFloorZoneAndTheWalkFromAnAnchor() {
        VehicleLocation found = locations.locate(new Caller.Driver(OWNER), PLATE, Optional.empty(),
                Optional.of(new RouteStart.QrAnchor("L-T.B1-P1"))).block();

        assertThat(found.placeId()).isEqualTo("L-T");
        assertThat(found.floor()).contains(new VehicleLocation.Level(-3, "B3"));
        assertThat(found.zone()).map(VehicleLocation.Area::id).contains("B3-A");
        assertThat(found.parkedSince()).isEqualTo(SINCE);
        Route route = found.route().orElseThrow();
        assertThat(route.waypoints().get(0).floor()).isEqualTo(-1);
        assertThat(route.waypoints().get(route.waypoints().size() - 1).floor()).isEqualTo(-3);
        assertThat(found.routeNote()).isEmpty();
    }

    @Test
    void showsTheCarToTheHolderOfTheCode() {
        StepVerifier.create(locations.locate(new Caller.Anonymous(), PLATE, Optional.of("K7M2Q9"), Optional.empty()))
                .assertNext(found -> assertThat(found.bay()).contains(TestGarage.bay("B3-A001")))
                .verifyComplete();
    }

    @Test
    void refusesEveryoneElseAlikeWithoutReadingTheSession() {
        List<Mono<VehicleLocation>> refused = List.of(
                locations.locate(new Caller.Driver(DriverId.of("D-OTHER")), PLATE, Optional.empty(), Optional.empty()),
                locations.locate(new Caller.Anonymous(), PLATE, Optional.of("AAAAAA"), Optional.empty()),
                locations.locate(new Caller.Anonymous(), PLATE, Optional.empty(), Optional.empty()));
        List<String> messages = refused.stream().map(mono -> {
            Throwable error = mono.map(Object.class::cast).onErrorResume(Mono::just).block() instanceof Throwable t
                    ? t : null;
            assertThat(error).isInstanceOf(NotFoundException.class);
            return error.getMessage();
        }).toList();
        assertThat(messages).containsOnly(messages.get(0));
        assertThat(sessionReads).hasValue(0);
    }

    @Test
    void aBoundPlateThatIsNotParkedIsNotFoundLikeTheRest() {
        parkedAt = null;
        StepVerifier.create(locations.locate(new Caller.Driver(OWNER), PLATE, Optional.empty(), Optional.empty()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class)
                        .hasMessage(VehicleLocations.notFound(PLATE).getMessage()))
                .verify();
    }

    @Test
    void explainsWhyThereIsNoRoute() {
        parkedAt = new ParkedVehicle(SessionId.random(), PLATE, PlaceKind.LOT, TestGarage.LOT.value(),
                OperatorId.of("OP-T"), Optional.empty(), Optional.empty(), SINCE);
        VehicleLocation found = locations.locate(new Caller.Driver(OWNER), PLATE, Optional.empty(),
                Optional.of(new RouteStart.QrAnchor("L-T.B1-P1"))).block();
        assertThat(found.route()).isEmpty();
        assertThat(found.routeNote()).contains("the vehicle's bay is not known");
        assertThat(found.point()).isEqualTo(city.findLot(TestGarage.LOT).orElseThrow().point());
    }
}
