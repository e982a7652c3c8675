package dev.citypark.security.token;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Builds the one {@link ReactiveJwtDecoder} the resource server uses, from configuration:
 * <ul>
 * <li>{@code jwk-set-uri} set: keys fetched (and cached) from that JWK set; {@code iss} checked if {@code issuer-uri}
 * is also set;</li>
 * <li>only {@code issuer-uri} set: OIDC discovery of the JWK set, lazily on first use (startup does not depend on the
 * identity provider being up); {@code iss} checked;</li>
 * <li>neither: the local issuer's public key; {@code iss} must be the local issuer.</li>
 * </ul>
 * {@code exp}/{@code nbf} are always checked, and {@code aud} when {@code audiences} is configured.
 */
public final class JwtDecoders {

    private JwtDecoders() {
    }

    public static ReactiveJwtDecoder create(ExternalIssuer external, LocalTokenIssuer local) {
        NimbusReactiveJwtDecoder decoder;
        String expectedIssuer;
        if (external.jwkSetUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(external.jwkSetUri()).build();
            expectedIssuer = external.issuerUri();
        }
        else if (external.issuerUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(external.issuerUri()).build();
            expectedIssuer = external.issuerUri();
        }
        else {
            if (local == null) {
                throw new IllegalStateException("Neither an external issuer nor a local token issuer is configured");
            }
            decoder = NimbusReactiveJwtDecoder.withPublicKey(local.publicKey()).build();
            expectedIssuer = local.issuer();
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(expectedIssuer == null ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(expectedIssuer));
        if (!external.audiences().isEmpty() && external.configured()) {
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    audiences -> audiences != null && audiences.stream().anyMatch(external.audiences()::contains)));
        }
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }
}
