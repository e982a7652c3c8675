package dev.citypark.registry.web;

import java.util.List;

import dev.citypark.core.NotFoundException;
import dev.citypark.registry.DistrictSummary;
import dev.citypark.registry.Registry;
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

/**
 * Public reads of the districts with what the registry holds in each. District areas are generated approximations,
 * not official boundaries; every body says so ({@code approximateArea}).
 */
@RestController
@RequestMapping("/api/v1/districts")
@Tag(name = "Registry")
class DistrictController {

    private final Registry registry;

    DistrictController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, Representation.GEO_JSON_VALUE})
    @Operation(summary = "Every district with lot and segment counts and on-street, off-street and total spaces",
            description = "JSON carries the city's totals; GeoJSON is a FeatureCollection of the (generated, "
                    + "approximate) district areas with the same counts.")
    Mono<ResponseEntity<Object>> list(
            @Parameter(description = LotController.CRS_DOC) @RequestParam(required = false) String crs,
            ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            CoordinateConversion c = Responses.crs(crs);
            List<DistrictSummary> districts = registry.snapshot().listDistricts();
            if (Representation.of(exchange) == Representation.GEO_JSON) {
                return Responses.geoJson(GeoJsonBodies.collection(
                        districts.stream().map(d -> GeoJsonBodies.district(d, c)).toList(), null, null), c);
            }
            return Responses.json(new Views.DistrictList(
                    districts.stream().map(d -> Views.DistrictView.of(d, null)).toList(),
                    Views.Totals.of(districts)), c);
        });
    }

    @GetMapping(path = "/{code}", produces = {MediaType.APPLICATION_JSON_VALUE, Representation.GEO_JSON_VALUE})
    @Operation(summary = "One district; with geometry=true (or as GeoJSON) its generated, approximate area")
    Mono<ResponseEntity<Object>> get(@PathVariable String code,
            @Parameter(description = "include the district's area (generated, not the official boundary)")
            @RequestParam(defaultValue = "false") boolean geometry,
            @Parameter(description = LotController.CRS_DOC) @RequestParam(required = false) String crs,
            ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            CoordinateConversion c = Responses.crs(crs);
            DistrictSummary district = registry.snapshot().findDistrictSummary(code)
                    .orElseThrow(() -> new NotFoundException("district", Responses.shorten(code)));
            if (Representation.of(exchange) == Representation.GEO_JSON) {
                return Responses.geoJson(GeoJsonBodies.district(district, c), c);
            }
            return Responses.json(Views.DistrictView.of(district,
                    geometry ? c.geometry(district.district().area()) : null), c);
        });
    }
}
