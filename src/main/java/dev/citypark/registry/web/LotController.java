package dev.citypark.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.citypark.core.LotId;
import dev.citypark.core.NotFoundException;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Lot;
import dev.citypark.registry.LotType;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/** Public reads of off-street lots: one lot, lots in a box (cursor-paged), a garage's indoor model. */
@RestController
@RequestMapping("/api/v1/lots")
@Tag(name = "Registry", description = "Lots, street segments, bays, districts and operators of the city")
class LotController {

    static final String CRS_DOC = "Coordinate system of every coordinate taken (bbox) and returned: wgs84 (default), "
            + "gcj02 (AMap, Tencent) or bd09 (Baidu)";
    static final String BBOX_DOC = "minLon,minLat,maxLon,maxLat in the request's crs";

    private final Registry registry;

    LotController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, Representation.GEO_JSON_VALUE})
    @Operation(summary = "Lots in id order, optionally in a bounding box and filtered; cursor-paged",
            description = "The next page is at `next` (also a Link header) until the last page, which has none. "
                    + "GeoJSON FeatureCollection with Accept: application/geo+json.")
    Mono<ResponseEntity<Object>> list(
            @Parameter(description = BBOX_DOC) @RequestParam(required = false) String bbox,
            @Parameter(description = "district code, e.g. 370202") @RequestParam(required = false) String district,
            @Parameter(description = "SURFACE, MULTI_STOREY or UNDERGROUND") @RequestParam(required = false) String type,
            @Parameter(description = "operator id") @RequestParam(required = false) String operator,
            @Parameter(description = "page size 1..1000, default 100") @RequestParam(required = false) String limit,
            @Parameter(description = "opaque cursor from the previous page") @RequestParam(required = false)
            String cursor,
            @Parameter(description = CRS_DOC) @RequestParam(required = false) String crs,
            ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            CoordinateConversion c = Responses.crs(crs);
            RegistrySnapshot snapshot = registry.snapshot();
            BoundingBox box = bbox == null || bbox.isBlank() ? null : BoundingBox.parse(bbox, c.crs());
            String districtCode = Responses.district(district, snapshot);
            LotType lotType = Responses.enumValue("type", type, LotType.class);
            OperatorId operatorId = Responses.operator(operator);
            int pageSize = PageLimit.parse(limit);
            String fingerprint = PageCursor.fingerprint(String.join("|", "lots",
                    box == null ? "" : box.normalised(), Objects.toString(districtCode, ""),
                    lotType == null ? "" : lotType.name(), operatorId == null ? "" : operatorId.value(),
                    c.crs().code()));
            String afterId = cursor == null || cursor.isBlank() ? null
                    : PageCursor.decode(cursor.strip(), "lots", fingerprint).lastId();

            Predicate<Lot> filter = lot -> (box == null || box.contains(lot.point()))
                    && (districtCode == null || lot.districtCode().equals(districtCode))
                    && (lotType == null || lot.type() == lotType)
                    && (operatorId == null || lot.operator().equals(operatorId));
            List<Lot> found = snapshot.listLots(box == null ? null : box.wgs84Envelope(), filter, afterId,
                    pageSize + 1);
            List<Lot> page = found.size() > pageSize ? found.subList(0, pageSize) : found;
            String nextCursor = found.size() > pageSize
                    ? new PageCursor("lots", fingerprint, page.get(page.size() - 1).id().value()).encode() : null;
            String next = nextCursor == null ? null : Responses.nextLink(exchange, nextCursor);

            ResponseEntity<Object> response;
            if (Representation.of(exchange) == Representation.GEO_JSON) {
                List<ObjectNode> features = new ArrayList<>(page.size());
                page.forEach(lot -> features.add(GeoJsonBodies.lot(lot, false, c)));
                response = Responses.geoJson(GeoJsonBodies.collection(features, nextCursor, next), c);
            }
            else {
                response = Responses.json(new Views.Page<>(c.crs().code(),
                        page.stream().map(lot -> Views.LotView.of(lot, c, false)).toList(), nextCursor, next), c);
            }
            return Responses.withNextLink(response, next);
        });
    }

    @GetMapping(path = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, Representation.GEO_JSON_VALUE})
    @Operation(summary = "One lot; as GeoJSON the Feature embeds the indoor model (the shape the operator PUT takes)")
    Mono<ResponseEntity<Object>> get(@PathVariable String id,
            @Parameter(description = CRS_DOC) @RequestParam(required = false) String crs,
            ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            CoordinateConversion c = Responses.crs(crs);
            Lot lot = find(id);
            ResponseEntity<Object> response = Representation.of(exchange) == Representation.GEO_JSON
                    ? Responses.geoJson(GeoJsonBodies.lot(lot, true, c), c)
                    : Responses.json(Views.LotView.of(lot, c, true), c);
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(response.getHeaders());
            headers.setETag(Responses.etag(lot.version()));
            return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
        });
    }

    @GetMapping(path = "/{id}/indoor", produces = {MediaType.APPLICATION_JSON_VALUE, Representation.GEO_JSON_VALUE})
    @Operation(summary = "A garage's indoor model: floors, zones, bays and the walk graph with QR anchors",
            description = "404 for lots without an indoor model.")
    Mono<ResponseEntity<Object>> indoor(@PathVariable String id,
            @Parameter(description = CRS_DOC) @RequestParam(required = false) String crs,
            ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            CoordinateConversion c = Responses.crs(crs);
            Lot lot = find(id);
            if (lot.indoorModel() == null) {
                throw new NotFoundException("indoor model for lot", lot.id().value());
            }
            return Representation.of(exchange) == Representation.GEO_JSON
                    ? Responses.geoJson(GeoJsonBodies.indoor(lot, c), c)
                    : Responses.json(Views.IndoorView.of(lot, c), c);
        });
    }

    private Lot find(String id) {
        LotId lotId = Ids.lot(id);
        return registry.snapshot().findLot(lotId).orElseThrow(() -> new NotFoundException("lot", lotId.value()));
    }
}
