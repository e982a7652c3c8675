package dev.citypark.registry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.citypark.core.NotFoundException;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
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
import tools.jackson.databind.node.ObjectNode;

/** Public reads of on-street segments: one segment with its bays, segments meeting a box (cursor-paged). */
@RestController
@RequestMapping("/api/v1/segments")
@Tag(name = "Registry")
class SegmentController {

    private final Registry registry;

    SegmentController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, Representation.GEO_JSON_VALUE})
    @Operation(summary = "Segments in id order whose line meets a bounding box, optionally filtered; cursor-paged",
            description = "JSON items carry bayCount (the bays are on GET /api/v1/segments/{id}); GeoJSON features "
                    + "carry their bays.")
    Mono<ResponseEntity<Object>> list(
            @Parameter(description = LotController.BBOX_DOC) @RequestParam(required = false) String bbox,
            @Parameter(description = "district code, e.g. 370202") @RequestParam(required = false) String district,
            @Parameter(description = "operator id") @RequestParam(required = false) String operator,
            @Parameter(description = "page size 1..1000, default 100") @RequestParam(required = false) String limit,
            @Parameter(description = "opaque cursor from the previous page") @RequestParam(required = false)
            String cursor,
            @Parameter(description = LotController.CRS_DOC) @RequestParam(required = false) String crs,
            ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            CoordinateConversion c = Responses.crs(crs);
            RegistrySnapshot snapshot = registry.snapshot();
            BoundingBox box = bbox == null || bbox.isBlank() ? null : BoundingBox.parse(bbox, c.crs());
            String districtCode = Responses.district(district, snapshot);
            OperatorId operatorId = Responses.operator(operator);
            int pageSize = PageLimit.parse(limit);
            String fingerprint = PageCursor.fingerprint(String.join("|", "segments",
                    box == null ? "" : box.normalised(), Objects.toString(districtCode, ""),
                    operatorId == null ? "" : operatorId.value(), c.crs().code()));
            String afterId = cursor == null || cursor.isBlank() ? null
                    : PageCursor.decode(cursor.strip(), "segments", fingerprint).lastId();

            Predicate<Segment> filter = segment -> (districtCode == null || segment.districtCode().equals(districtCode))
                    && (operatorId == null || segment.operator().equals(operatorId))
                    && (box == null || box.intersects(segment.geometry()));
            List<Segment> found = snapshot.listSegments(box == null ? null : box.wgs84Envelope(), filter, afterId,
                    pageSize + 1);
            List<Segment> page = found.size() > pageSize ? found.subList(0, pageSize) : found;
            String nextCursor = found.size() > pageSize
                    ? new PageCursor("segments", fingerprint, page.get(page.size() - 1).id().value()).encode()
                    : null;
            String next = nextCursor == null ? null : Responses.nextLink(exchange, nextCursor);

            ResponseEntity<Object> response;
            if (Representation.of(exchange) == Representation.GEO_JSON) {
                List<ObjectNode> features = new ArrayList<>(page.size());
                page.forEach(segment -> features.add(GeoJsonBodies.segment(segment, c)));
                response = Responses.geoJson(GeoJsonBodies.collection(features, nextCursor, next), c);
            }
            else {
                response = Responses.json(new Views.Page<>(c.crs().code(),
                        page.stream().map(s -> Views.SegmentView.of(s, c, false, false)).toList(), nextCursor, next),
                        c);
            }
            return Responses.withNextLink(response, next);
        });
    }

    @GetMapping(path = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, Representation.GEO_JSON_VALUE})
    @Operation(summary = "One street segment with its bays")
    Mono<ResponseEntity<Object>> get(@PathVariable String id,
            @Parameter(description = LotController.CRS_DOC) @RequestParam(required = false) String crs,
            ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            CoordinateConversion c = Responses.crs(crs);
            SegmentId segmentId = Ids.segment(id);
            Segment segment = registry.snapshot().findSegment(segmentId)
                    .orElseThrow(() -> new NotFoundException("segment", segmentId.value()));
            return Representation.of(exchange) == Representation.GEO_JSON
                    ? Responses.geoJson(GeoJsonBodies.segment(segment, c), c)
                    : Responses.json(Views.SegmentView.of(segment, c, true, true), c);
        });
    }
}
