package dev.citypark.registry.web;

import dev.citypark.core.BayId;
import dev.citypark.core.NotFoundException;
import dev.citypark.registry.BayPlace;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Public read of one individually known bay (on-street, or in a garage with an indoor model). */
@RestController
@RequestMapping("/api/v1/bays")
@Tag(name = "Registry")
class BayController {

    private final Registry registry;

    BayController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, Representation.GEO_JSON_VALUE})
    @Operation(summary = "One bay with the lot or segment it belongs to; floor name and zone for garage bays")
    Mono<ResponseEntity<Object>> get(@PathVariable String id,
            @Parameter(description = LotController.CRS_DOC) @RequestParam(required = false) String crs,
            ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            CoordinateConversion c = Responses.crs(crs);
            BayId bayId = Ids.bay(id);
            RegistrySnapshot snapshot = registry.snapshot();
            BayPlace place = snapshot.findBay(bayId).orElseThrow(() -> new NotFoundException("bay", bayId.value()));
            Views.BayView view = Views.BayView.of(place, snapshot, c);
            return Representation.of(exchange) == Representation.GEO_JSON
                    ? Responses.geoJson(GeoJsonBodies.bay(view), c)
                    : Responses.json(view, c);
        });
    }
}
