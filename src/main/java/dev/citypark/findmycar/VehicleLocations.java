package dev.citypark.findmycar;

import java.util.Optional;
import java.util.function.Supplier;

import dev.citypark.core.GeoPoint;
import dev.citypark.core.LotId;
import dev.citypark.core.NotFoundException;
import dev.citypark.core.Plate;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.BayPlace;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.security.Caller;
import dev.citypark.session.LocateCodes;
import dev.citypark.session.ParkedVehicle;
import dev.citypark.session.ParkedVehicles;
import dev.citypark.session.PlaceKind;
import dev.citypark.session.VehicleBindings;
import reactor.core.publisher.Mono;

/**
 * Reverse car finding (反向寻车): where a plate's vehicle stands, and the walk to it inside a garage.
 * <p>
 * The privacy rule: only a driver whose account has the plate bound, or whoever presents the one-time locate code of
 * the plate's active session (issued at entry), may know. Everyone else — and every plate that is unknown or not
 * parked — gets the same {@link NotFoundException}, so plates cannot be probed. Authorisation is decided before the
 * session is read and before the route start is resolved against the garage.
 */
public final class VehicleLocations {

    private final Supplier<RegistrySnapshot> registry;
    private final VehicleBindings bindings;
    private final LocateCodes codes;
    private final ParkedVehicles parked;
    private final IndoorRoutes routes;

    public VehicleLocations(Supplier<RegistrySnapshot> registry, VehicleBindings bindings, LocateCodes codes,
                            ParkedVehicles parked, IndoorRoutes routes) {
        this.registry = registry;
        this.bindings = bindings;
        this.codes = codes;
        this.parked = parked;
        this.routes = routes;
    }

    /**
     * @param caller     who asks
     * @param plate      the vehicle
     * @param locateCode the one-time code presented, if any
     * @param from       where to walk from, if a route is wanted
     * @throws NotFoundException (as the Mono's error) when the caller may not know or the vehicle is not parked
     */
    public Mono<VehicleLocation> locate(Caller caller, Plate plate, Optional<String> locateCode,
                                        Optional<RouteStart> from) {
        return allowed(caller, plate, locateCode)
                .flatMap(ok -> ok ? parked.whereIs(plate) : Mono.empty())
                .switchIfEmpty(Mono.error(() -> notFound(plate)))
                .map(vehicle -> answer(vehicle, from));
    }

    /** The one answer for every refusal: same type, same text for the same plate. */
    static NotFoundException notFound(Plate plate) {
        return new NotFoundException("parked vehicle you may locate", plate.masked());
    }

    private Mono<Boolean> allowed(Caller caller, Plate plate, Optional<String> locateCode) {
        return Mono.defer(() -> {
            Mono<Boolean> bound = caller instanceof Caller.Driver driver ? bindings.isBound(driver.driverId(), plate)
                    : Mono.just(false);
            return bound.flatMap(yes -> yes || locateCode.isEmpty() ? Mono.just(yes)
                    : codes.matches(plate, locateCode.get()));
        });
    }

    private VehicleLocation answer(ParkedVehicle vehicle, Optional<RouteStart> from) {
        RegistrySnapshot city = registry.get();
        Optional<Bay> bay = vehicle.bay().flatMap(city::findBay).map(BayPlace::bay);
        if (vehicle.placeKind() == PlaceKind.SEGMENT) {
            Optional<Segment> segment = city.findSegment(SegmentId.of(vehicle.placeId()));
            GeoPoint point = bay.map(Bay::point).orElseGet(() -> segment
                    .map(s -> GeoPoint.fromJts(s.geometry().getCentroid().getCoordinate()))
                    .orElseThrow(() -> notFound(vehicle.plate())));
            return new VehicleLocation(vehicle.plate(), "SEGMENT", vehicle.placeId(),
                    segment.map(Segment::roadName).orElse(vehicle.placeId()), Optional.empty(), Optional.empty(),
                    vehicle.bay(), point, vehicle.since(), Optional.empty(),
                    from.map(f -> "walking routes exist inside garages only"));
        }
        Lot lot = city.findLot(LotId.of(vehicle.placeId())).orElseThrow(() -> notFound(vehicle.plate()));
        Optional<IndoorModel> model = lot.findIndoorModel();
        Optional<VehicleLocation.Level> floor = bay.flatMap(b -> model.flatMap(m -> m.floors().stream()
                .filter(f -> f.level() == b.floor()).findFirst()))
                .map(f -> new VehicleLocation.Level(f.level(), f.name()));
        Optional<VehicleLocation.Area> zone = bay.filter(b -> b.zoneId() != null)
                .flatMap(b -> model.flatMap(m -> m.zones().stream().filter(z -> z.id().equals(b.zoneId()))
                        .findFirst()))
                .map(z -> new VehicleLocation.Area(z.id(), z.name()));
        Optional<Route> route = Optional.empty();
        Optional<String> note = Optional.empty();
        if (from.isPresent()) {
            if (model.isEmpty()) {
                note = Optional.of("this lot has no indoor model");
            }
            else if (vehicle.bay().isEmpty()) {
                note = Optional.of("the vehicle's bay is not known");
            }
            else {
                try {
                    route = Optional.of(routes.route(lot.id(), from.get(), vehicle.bay().get()));
                }
                catch (NoRouteException e) {
                    note = Optional.of(e.getMessage());
                }
            }
        }
        return new VehicleLocation(vehicle.plate(), "LOT", lot.id().value(), lot.name(), floor, zone, vehicle.bay(),
                bay.map(Bay::point).orElse(lot.point()), vehicle.since(), route, note);
    }
}
