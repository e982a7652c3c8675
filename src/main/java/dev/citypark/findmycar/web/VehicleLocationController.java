package dev.citypark.findmycar.web;

import java.time.Instant;
import java.util.Optional;

import dev.citypark.core.Crs;
import dev.citypark.core.LatLon;
import dev.citypark.core.Plate;
import dev.citypark.findmycar.RouteStart;
import dev.citypark.findmycar.VehicleLocation;
import dev.citypark.findmycar.VehicleLocations;
import dev.citypark.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Reverse car finding: where is my car, and how do I walk there. The path is permitted at the security filter; the
 * rule is decided here ({@link VehicleLocations}): a driver with the plate bound, or the one-time locate code in
 * {@code X-Locate-Code}; everyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/vehicles")
class VehicleLocationController {

    static final String LOCATE_CODE_HEADER = "X-Locate-Code";

    private final VehicleLocations locations;
    private final CurrentCaller caller;

    VehicleLocationController(VehicleLocations locations, CurrentCaller caller) {
        this.locations = locations;
        this.caller = caller;
    }

    @GetMapping("/{plate}/location")
    @Operation(summary = "Where a vehicle is parked, with the walking route inside a garage (反向寻车)",
            description = "For the driver whose account has the plate bound (Bearer token), or with the one-time "
                    + "locate code of the current stay (header X-Locate-Code, printed on the ticket at entry). "
                    + "Anyone else, and any plate that is not parked, gets 404. from: a QR anchor id or "
                    + "lat,lon[,floor] in crs; with it, a garage with an indoor model answers the walking route "
                    + "(waypoints with floors, metres, turn-by-turn in Chinese and English).")
    Mono<LocationView> location(@PathVariable String plate, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String crs,
                                @RequestHeader(name = LOCATE_CODE_HEADER, required = false) String locateCode) {
        return Mono.defer(() -> {
            Plate vehicle = Plate.of(plate);
            Crs answerCrs = Crs.parseOrDefault(crs, Crs.WGS84);
            Optional<RouteStart> start = from == null || from.isBlank() ? Optional.empty()
                    : Optional.of(RouteStart.parse(from, answerCrs));
            return caller.current()
                    .flatMap(who -> locations.locate(who, vehicle, Optional.ofNullable(locateCode), start))
                    .map(found -> LocationView.of(found, answerCrs));
        });
    }

    record LocationView(String plate, String placeKind, String placeId, String placeName, Integer floor,
                        String floorName, String zoneId, String zoneName, String bayId, String crs, LatLon point,
                        Instant parkedSince, RouteController.RouteView route, String routeNote) {

        static LocationView of(VehicleLocation l, Crs crs) {
            return new LocationView(l.plate().value(), l.placeKind(), l.placeId(), l.placeName(),
                    l.floor().map(VehicleLocation.Level::level).orElse(null),
                    l.floor().map(VehicleLocation.Level::name).orElse(null),
                    l.zone().map(VehicleLocation.Area::id).orElse(null),
                    l.zone().map(VehicleLocation.Area::name).orElse(null),
                    l.bay().map(b -> b.value()).orElse(null), crs.code(), crs.fromWgs84(l.point()), l.parkedSince(),
                    l.route().map(r -> RouteController.RouteView.of(r, crs)).orElse(null), l.routeNote().orElse(null));
        }
    }
}
