package dev.citypark.security.token;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import dev.citypark.security.Role;
import dev.citypark.security.config.SecurityProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decoder is built from configuration alone: with {@code jwk-set-uri} (an external OIDC issuer) it fetches the
 * issuer's keys and accepts only that issuer's tokens; without, only the local issuer's.
 */
class JwtDecodersTest {

    static final String IDP = "https://idp.example.test/realms/citypark";

    final LocalTokenIssuer idp = LocalTokenIssuer.from(settings(IDP, "idp-key-1"));
    final LocalTokenIssuer stranger = LocalTokenIssuer.from(settings(IDP, "idp-key-1"));
    final LocalTokenIssuer local = LocalTokenIssuer.from(settings("https://citypark.invalid/local", "citypark-local"));
    HttpServer jwks;

    static SecurityProperties.Jwt settings(String issuer, String keyId) {
        return new SecurityProperties.Jwt(issuer, null, keyId, "roles", "operator_id", Duration.ofHours(1),
                Duration.ofHours(1));
    }

    @BeforeEach
    void serveJwks() throws IOException {
        String body = new JWKSet(new RSAKey.Builder(idp.publicKey()).keyID("idp-key-1").build()).toString();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/jwks", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks";
    }

    static String token(LocalTokenIssuer issuer, Map<String, Object> claims) {
        return issuer.issue("driver-7", List.of(Role.DRIVER), Duration.ofMinutes(5), claims).getTokenValue();
    }

    @Test
    void externalIssuerTokensAreVerifiedWithTheFetchedKeys() {
        ReactiveJwtDecoder decoder = JwtDecoders.create(new ExternalIssuer(IDP, jwkSetUri(), List.of()), null);

        Jwt jwt = decoder.decode(token(idp, Map.of())).block(Duration.ofSeconds(10));

        assertThat(jwt.getSubject()).isEqualTo("driver-7");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("DRIVER");
    }

    @Test
    void externalModeRefusesTokensSignedWithAnotherKey() {
        ReactiveJwtDecoder decoder = JwtDecoders.create(new ExternalIssuer(IDP, jwkSetUri(), List.of()), null);

        assertThatThrownBy(() -> decoder.decode(token(stranger, Map.of())).block(Duration.ofSeconds(10)))
                .isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(token(local, Map.of())).block(Duration.ofSeconds(10)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void externalModeChecksIssuerAndAudience() {
        ReactiveJwtDecoder other = JwtDecoders.create(
                new ExternalIssuer("https://other.example.test", jwkSetUri(), List.of()), null);
        assertThatThrownBy(() -> other.decode(token(idp, Map.of())).block(Duration.ofSeconds(10)))
                .isInstanceOf(JwtException.class);

        ReactiveJwtDecoder withAudience = JwtDecoders.create(
                new ExternalIssuer(IDP, jwkSetUri(), List.of("citypark-api")), null);
        assertThatThrownBy(() -> withAudience.decode(token(idp, Map.of())).block(Duration.ofSeconds(10)))
                .isInstanceOf(JwtException.class);
        assertThat(withAudience.decode(token(idp, Map.of("aud", List.of("citypark-api")))).block(Duration.ofSeconds(10)))
                .isNotNull();
    }

    @Test
    void localModeAcceptsOnlyTheLocalIssuer() {
        ReactiveJwtDecoder decoder = JwtDecoders.create(ExternalIssuer.none(), local);

        assertThat(decoder.decode(token(local, Map.of())).block(Duration.ofSeconds(10)).getIssuer().toString())
                .isEqualTo("https://citypark.invalid/local");
        assertThatThrownBy(() -> decoder.decode(token(idp, Map.of())).block(Duration.ofSeconds(10)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void issuerUriAloneIsEnoughToConfigureTheExternalMode() {
        ExternalIssuer external = new ExternalIssuer(IDP, " ", null);

        assertThat(external.configured()).isTrue();
        assertThat(JwtDecoders.create(external, null)).isNotNull(); // discovery is lazy: no call at startup
        assertThat(ExternalIssuer.none().configured()).isFalse();
    }
}
