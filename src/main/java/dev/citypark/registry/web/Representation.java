package dev.citypark.registry.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;

/**
 * Which body a read returns: JSON views by default, GeoJSON (RFC 7946 Feature / FeatureCollection) when the client
 * asks for {@code application/geo+json} at least as strongly as for {@code application/json}. Wildcards never
 * select GeoJSON.
 */
enum Representation {
    JSON,
    GEO_JSON;

    static final String GEO_JSON_VALUE = "application/geo+json";
    static final MediaType GEO_JSON_TYPE = MediaType.parseMediaType(GEO_JSON_VALUE);

    static Representation of(ServerWebExchange exchange) {
        List<MediaType> accepted;
        try {
            accepted = exchange.getRequest().getHeaders().getAccept();
        }
        catch (RuntimeException e) {
            return JSON;
        }
        double geo = 0;
        double json = 0;
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                continue;
            }
            if (type.equalsTypeAndSubtype(GEO_JSON_TYPE)) {
                geo = Math.max(geo, type.getQualityValue());
            }
            else if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
                json = Math.max(json, type.getQualityValue());
            }
        }
        return geo > 0 && geo >= json ? GEO_JSON : JSON;
    }
}
