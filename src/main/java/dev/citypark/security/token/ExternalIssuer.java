package dev.citypark.security.token;

import java.util.List;

/**
 * An external OIDC issuer configured with Spring Boot's standard properties
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (discovery) and/or {@code jwk-set-uri}, optionally
 * {@code audiences}. When neither URI is set, citypark issues and accepts only its own local tokens.
 */
public record ExternalIssuer(String issuerUri, String jwkSetUri, List<String> audiences) {

    public ExternalIssuer {
        issuerUri = blankToNull(issuerUri);
        jwkSetUri = blankToNull(jwkSetUri);
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    public static ExternalIssuer none() {
        return new ExternalIssuer(null, null, List.of());
    }

    public boolean configured() {
        return issuerUri != null || jwkSetUri != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
