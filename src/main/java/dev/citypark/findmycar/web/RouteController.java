package dev.citypark.findmycar.web;

import java.util.List;
import java.util.Locale;

import dev.citypark.core.BayId;
import dev.citypark.core.Crs;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LatLon;
import dev.citypark.core.LotId;
import dev.citypark.findmycar.Access;
import dev.citypark.findmycar.IndoorRoutes;
import dev.citypark.findmycar.Instruction;
import dev.citypark.findmycar.NoRouteException;
import dev.citypark.findmycar.Route;
import dev.citypark.findmycar.RouteStart;
import dev.citypark.findmycar.Waypoint;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Public indoor routing: "how do I walk from this QR code (or this position) to bay X of this garage". It knows
 * nothing about whose car stands where; the vehicle-location endpoint that does belongs with sessions.
 */
@RestController
@RequestMapping("/api/v1/lots")
class RouteController {

    private final IndoorRoutes routes;

    RouteController(IndoorRoutes routes) {
        this.routes = routes;
    }

    @GetMapping("/{id}/route")
    @Operation(summary = "Walking route inside a garage to a bay (反向寻车)",
            description = "from: a QR anchor id, or lat,lon[,floor] in crs (floor by name, e.g. B2, or level, "
                    + "e.g. -2; default the street-level floor). to: a bay id of this lot. access: ANY or STEP_FREE "
                    + "(elevators only). Answers ordered waypoints, total metres and turn-by-turn text in Chinese "
                    + "and English; 422 when no route exists under the access asked for.")
    Mono<RouteView> route(@PathVariable String id, @RequestParam String from, @RequestParam String to,
                          @RequestParam(required = false) String crs,
                          @RequestParam(defaultValue = "ANY") String access) {
        return Mono.fromSupplier(() -> {
            Crs answerCrs = Crs.parseOrDefault(crs, Crs.WGS84);
            LotId lotId = LotId.of(id);
            RouteStart start = RouteStart.parse(from, answerCrs);
            BayId bayId = bayId(to);
            try {
                return RouteView.of(routes.route(lotId, start, bayId, access(access)), answerCrs);
            }
            catch (NoRouteException e) {
                throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
            }
        });
    }

    private static BayId bayId(String to) {
        try {
            return BayId.of(to.strip());
        }
        catch (InvalidValueException e) {
            throw new InvalidValueException("to", "to must be a bay id: " + e.getMessage());
        }
    }

    private static Access access(String text) {
        try {
            return Access.valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidValueException("access", "access must be ANY or STEP_FREE");
        }
    }

    record RouteView(String lotId, String bayId, String access, String crs, double totalMetres, double snapMetres,
                     List<WaypointView> waypoints, List<InstructionView> instructions) {

        static RouteView of(Route route, Crs crs) {
            return new RouteView(route.lotId().value(), route.bayId().value(), route.access().name(), crs.code(),
                    route.totalMetres(), route.snapMetres(),
                    route.waypoints().stream().map(w -> WaypointView.of(w, crs)).toList(),
                    route.instructions().stream().map(InstructionView::of).toList());
        }
    }

    record WaypointView(String id, String kind, int floor, String floorName, LatLon point) {

        static WaypointView of(Waypoint waypoint, Crs crs) {
            return new WaypointView(waypoint.id(), waypoint.kind().name(), waypoint.floor(), waypoint.floorName(),
                    crs.fromWgs84(waypoint.point()));
        }
    }

    record InstructionView(String kind, String zh, String en, double metres, int floor) {

        static InstructionView of(Instruction instruction) {
            return new InstructionView(instruction.kind().name(), instruction.zh(), instruction.en(),
                    Math.round(instruction.metres() * 10) / 10.0, instruction.floor());
        }
    }
}
