package dev.citypark.opendata.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.citypark.core.InvalidValueException;
import dev.citypark.opendata.Export;
import dev.citypark.opendata.NgsiForm;
import dev.citypark.opendata.NgsiType;
import dev.citypark.opendata.OpenData;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.NotAcceptableStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Public open-data endpoints: NGSI-LD entities (FIWARE Smart Data Models) and DATEX II v3.6 parking publications.
 * Every response carries an ETag of its bytes (If-None-Match answers 304) and a Cache-Control: an hour for the
 * static parking table, 30 seconds for anything with live values.
 * <p>
 * NGSI-LD: key-values form by default ({@code options=keyValues}), normalized with {@code options=normalized} or,
 * without {@code options}, when the client asks for {@code application/ld+json}. An {@code application/json}
 * response links the {@code @context} in a {@code Link} header; an {@code application/ld+json} one embeds it in
 * every entity.
 */
@RestController
@RequestMapping("/api/v1/opendata")
class OpenDataController {

    static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");
    /** The JSON-LD context of the Smart Data Models parking entities. */
    static final String PARKING_CONTEXT =
            "https://raw.githubusercontent.com/smart-data-models/dataModel.Parking/master/context.jsonld";
    static final String CORE_CONTEXT = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld";
    static final String RESULTS_COUNT = "NGSILD-Results-Count";

    private static final CacheControl STATIC = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final CacheControl LIVE = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();
    private static final int DEFAULT_LIMIT = 20;

    private final OpenData openData;
    private final JsonMapper json;

    OpenDataController(OpenData openData, JsonMapper json) {
        this.openData = openData;
        this.json = json;
    }

    @GetMapping("/ngsi-ld/entities")
    @Operation(summary = "NGSI-LD entities of one type (OffStreetParking, OnStreetParking, ParkingSpot), paged")
    Mono<ResponseEntity<byte[]>> listEntities(@RequestParam(required = false) String type,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset,
            @RequestParam(required = false) String options, @RequestParam(required = false) String count,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return Mono.defer(() -> {
            MediaType mediaType = negotiate(accept);
            NgsiForm form = form(options, mediaType);
            NgsiType entityType = NgsiType.parse("type", type);
            int pageLimit = integer("limit", limit, DEFAULT_LIMIT);
            int pageOffset = integer("offset", offset, 0);
            boolean withCount = bool("count", count);
            return openData.listEntities(entityType, pageOffset, pageLimit, form).map(page -> {
                List<Map<String, Object>> body = new ArrayList<>(page.entities().size());
                page.entities().forEach(e -> body.add(withContext(e, mediaType)));
                ResponseEntity.BodyBuilder response = ngsiResponse(mediaType);
                if (withCount) {
                    response.header(RESULTS_COUNT, Integer.toString(page.total()));
                }
                return body(response, json.writeValueAsBytes(body));
            });
        });
    }

    @GetMapping("/ngsi-ld/entities/{id}")
    @Operation(summary = "One NGSI-LD entity by its id, e.g. urn:ngsi-ld:OffStreetParking:QD-L-00001")
    Mono<ResponseEntity<byte[]>> getEntity(@PathVariable String id, @RequestParam(required = false) String options,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return Mono.defer(() -> {
            MediaType mediaType = negotiate(accept);
            NgsiForm form = form(options, mediaType);
            return openData.getEntity(id, form).map(entity ->
                    body(ngsiResponse(mediaType), json.writeValueAsBytes(withContext(entity, mediaType))));
        });
    }

    @GetMapping(value = "/datex2/parking-table", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "DATEX II v3.6 ParkingTablePublication: every lot with capacity per category")
    Mono<ResponseEntity<byte[]>> parkingTable() {
        return openData.parkingTable().map(export -> xml(export, STATIC));
    }

    @GetMapping(value = "/datex2/parking-status", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "DATEX II v3.6 ParkingStatusPublication: live occupancy per lot")
    Mono<ResponseEntity<byte[]>> parkingStatus() {
        return openData.parkingStatus().map(export -> xml(export, LIVE));
    }

    private static ResponseEntity<byte[]> xml(Export export, CacheControl cacheControl) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .cacheControl(cacheControl)
                .eTag(export.etag())
                .body(export.body());
    }

    private static ResponseEntity.BodyBuilder ngsiResponse(MediaType mediaType) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(mediaType)
                .cacheControl(LIVE)
                .varyBy(HttpHeaders.ACCEPT);
        if (mediaType.equals(MediaType.APPLICATION_JSON)) {
            response.header(HttpHeaders.LINK, "<" + PARKING_CONTEXT
                    + ">; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\"");
        }
        return response;
    }

    private static ResponseEntity<byte[]> body(ResponseEntity.BodyBuilder response, byte[] bytes) {
        return response.eTag(Export.strongEtag(bytes)).body(bytes);
    }

    private static Map<String, Object> withContext(Map<String, Object> entity, MediaType mediaType) {
        if (!mediaType.equals(LD_JSON)) {
            return entity;
        }
        Map<String, Object> withContext = new LinkedHashMap<>(entity);
        withContext.put("@context", List.of(PARKING_CONTEXT, CORE_CONTEXT));
        return withContext;
    }

    /**
     * application/ld+json when the client prefers it, otherwise application/json (also for no Accept, {@code *}/*
     * and application/*); 406 when it accepts neither.
     */
    static MediaType negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return MediaType.APPLICATION_JSON;
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        }
        catch (IllegalArgumentException e) {
            throw new NotAcceptableStatusException(List.of(MediaType.APPLICATION_JSON, LD_JSON));
        }
        MediaType best = null;
        double bestQuality = 0;
        for (MediaType range : accepted) {
            double quality = range.getQualityValue();
            MediaType candidate = range.includes(MediaType.APPLICATION_JSON) ? MediaType.APPLICATION_JSON
                    : range.includes(LD_JSON) ? LD_JSON : null;
            if (candidate != null && quality > bestQuality) {
                best = candidate;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw new NotAcceptableStatusException(List.of(MediaType.APPLICATION_JSON, LD_JSON));
        }
        return best;
    }

    static NgsiForm form(String options, MediaType mediaType) {
        NgsiForm form = null;
        if (options != null) {
            for (String option : options.split(",")) {
                NgsiForm named = switch (option.trim()) {
                    case "keyValues" -> NgsiForm.KEY_VALUES;
                    case "normalized" -> NgsiForm.NORMALIZED;
                    default -> throw new InvalidValueException("options", "unsupported option '" + option.trim()
                            + "'; supported: keyValues, normalized");
                };
                if (form != null && form != named) {
                    throw new InvalidValueException("options", "options keyValues and normalized exclude each other");
                }
                form = named;
            }
        }
        if (form != null) {
            return form;
        }
        return mediaType.equals(LD_JSON) ? NgsiForm.NORMALIZED : NgsiForm.KEY_VALUES;
    }

    private static int integer(String field, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        }
        catch (NumberFormatException e) {
            throw new InvalidValueException(field, field + " must be an integer, was '" + value + "'");
        }
    }

    private static boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException(field, field + " must be true or false, was '" + value + "'");
        };
    }
}
