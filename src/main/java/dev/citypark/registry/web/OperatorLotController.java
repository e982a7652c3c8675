package dev.citypark.registry.web;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.registry.LotPrecondition;
import dev.citypark.registry.LotWrite;
import dev.citypark.registry.OperatorLots;
import dev.citypark.registry.PreconditionFailedException;
import dev.citypark.registry.geodata.GeoJsonCodec;
import dev.citypark.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * An operator creates or updates its own lot with a GeoJSON Feature (the shape {@code GET /api/v1/lots/{id}} returns
 * as GeoJSON). Role OPERATOR ({@code X-Api-Key}); the caller's operator must own the lot and be the feature's
 * {@code operator}.
 */
@RestController
@RequestMapping("/api/v1/operator/lots")
@Tag(name = "Operator", description = "What operators maintain themselves")
class OperatorLotController {

    private static final Pattern STRONG_TAG = Pattern.compile("\"(\\d{1,18})\"");

    private final OperatorLots lots;
    private final CurrentCaller caller;

    OperatorLotController(OperatorLots lots, CurrentCaller caller) {
        this.lots = lots;
        this.caller = caller;
    }

    @PutMapping(path = "/{id}", consumes = {Representation.GEO_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, Representation.GEO_JSON_VALUE})
    @Operation(summary = "Create (201) or update (200) one of the caller's lots from a GeoJSON Feature",
            description = "Create: properties.version 0 or absent. Update: properties.version or If-Match carries "
                    + "the current version, else 409 (stale or missing version) or 412 (If-Match does not match). "
                    + "If-None-Match: * creates only. The response carries the new version and ETag. Invalid input "
                    + "is a 400 problem naming the field, and nothing is written.")
    Mono<ResponseEntity<Object>> put(@PathVariable String id, @RequestBody String body,
            @Parameter(description = "the current version as an entity tag, e.g. \"3\", or *")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Parameter(description = "* to create only")
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @Parameter(description = LotController.CRS_DOC + "; the Feature's coordinates are read in it")
            @RequestParam(required = false) String crs,
            ServerWebExchange exchange) {
        return caller.currentOperator().flatMap(operator -> {
            CoordinateConversion c = Responses.crs(crs);
            LotId lotId = pathId(id);
            LotPrecondition precondition = precondition(ifMatch, ifNoneMatch);
            JsonNode feature = c.treeToWgs84(parse(body));
            return lots.putLot(operator, lotId, feature, precondition)
                    .map(written -> response(written, c, exchange));
        }).onErrorMap(PreconditionFailedException.class,
                e -> new ResponseStatusException(HttpStatus.PRECONDITION_FAILED, e.getMessage()));
    }

    private static ResponseEntity<Object> response(LotWrite written, CoordinateConversion c,
            ServerWebExchange exchange) {
        ResponseEntity<Object> body = Representation.of(exchange) == Representation.GEO_JSON
                ? Responses.geoJson(GeoJsonBodies.lot(written.lot(), true, c), c)
                : Responses.json(Views.LotView.of(written.lot(), c, true), c);
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(body.getHeaders());
        headers.setETag(Responses.etag(written.lot().version()));
        if (written.created()) {
            headers.setLocation(URI.create("/api/v1/lots/" + written.lot().id().value()));
        }
        return new ResponseEntity<>(body.getBody(), headers, written.created() ? HttpStatus.CREATED : HttpStatus.OK);
    }

    private static LotId pathId(String id) {
        try {
            return LotId.of(id);
        }
        catch (InvalidValueException e) {
            throw new InvalidValueException("id", e.getMessage());
        }
    }

    private static JsonNode parse(String body) {
        try {
            return GeoJsonCodec.mapper().readTree(body);
        }
        catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidValueException("type", "the body is not a JSON document (a GeoJSON Feature)" + where);
        }
    }

    /**
     * {@code If-Match: *} or one strong tag {@code "<version>"}; a weak tag never matches (RFC 9110 strong
     * comparison). {@code If-None-Match: *} only.
     */
    static LotPrecondition precondition(String ifMatch, String ifNoneMatch) {
        Long version = null;
        boolean any = false;
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            Matcher strong = STRONG_TAG.matcher(tag);
            if ("*".equals(tag)) {
                any = true;
            }
            else if (strong.matches()) {
                version = Long.parseLong(strong.group(1));
            }
            else if (tag.startsWith("W/")) {
                version = -1L;
            }
            else {
                throw new InvalidValueException("If-Match", "If-Match must be * or one entity tag such as \"3\"");
            }
        }
        boolean noneAny = false;
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            if (!"*".equals(ifNoneMatch.strip())) {
                throw new InvalidValueException("If-None-Match", "only If-None-Match: * (create only) is supported");
            }
            noneAny = true;
        }
        if (noneAny && (any || version != null)) {
            throw new InvalidValueException("If-None-Match", "If-Match and If-None-Match exclude each other");
        }
        return new LotPrecondition(version, any, noneAny);
    }
}
