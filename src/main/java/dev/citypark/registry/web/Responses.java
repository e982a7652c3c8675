package dev.citypark.registry.web;

import java.util.Locale;

import dev.citypark.core.Crs;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.RegistrySnapshot;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** Response and parameter conventions shared by the registry's controllers. */
final class Responses {

    /**
     * The coordinate system of the coordinates in a body ({@code wgs84}, {@code gcj02}, {@code bd09}); the header
     * name is OGC API Features' {@code Content-Crs}, the values are citypark's crs codes.
     */
    static final String CONTENT_CRS = "Content-Crs";

    private Responses() {
    }

    static CoordinateConversion crs(String text) {
        return new CoordinateConversion(Crs.parseOrDefault(text, Crs.WGS84));
    }

    static ResponseEntity<Object> json(Object body, CoordinateConversion c) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(CONTENT_CRS, c.crs().code())
                .varyBy(HttpHeaders.ACCEPT).body(body);
    }

    static ResponseEntity<Object> geoJson(JsonNode tree, CoordinateConversion c) {
        return ResponseEntity.ok().contentType(Representation.GEO_JSON_TYPE).header(CONTENT_CRS, c.crs().code())
                .varyBy(HttpHeaders.ACCEPT).body(GeoJsonBodies.bytes(tree));
    }

    /** A strong entity tag for a registry version, e.g. {@code "3"}. */
    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** This request's path and query with {@code cursor} set, for the {@code next} link of a page. */
    static String nextLink(ServerWebExchange exchange, String cursor) {
        UriComponents next = UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
                .replaceQueryParam("cursor", cursor)
                .build(true);
        return next.getPath() + (next.getQuery() == null ? "" : "?" + next.getQuery());
    }

    static ResponseEntity<Object> withNextLink(ResponseEntity<Object> response, String next) {
        if (next == null) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(response.getHeaders());
        headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    /** A known district code, or null when {@code text} is absent. */
    static String district(String text, RegistrySnapshot snapshot) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.strip();
        if (snapshot.findDistrict(code).isEmpty()) {
            throw new InvalidValueException("district", "unknown district code '" + shorten(code)
                    + "'; GET /api/v1/districts lists them");
        }
        return code;
    }

    static OperatorId operator(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OperatorId.of(text.strip());
        }
        catch (InvalidValueException e) {
            throw new InvalidValueException("operator", e.getMessage());
        }
    }

    static <E extends Enum<E>> E enumValue(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidValueException(field, field + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", was '" + shorten(text) + "'");
        }
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
