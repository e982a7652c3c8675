package dev.citypark.security.token;

import java.util.List;
import java.util.Optional;

import dev.citypark.security.Role;
import dev.citypark.security.config.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Which tokens citypark accepts: an external issuer's when {@code spring.security.oauth2.resourceserver.jwt.*}
 * names one, otherwise its own local issuer's. Declaring the {@link ReactiveJwtDecoder} here makes Boot's own
 * resource-server decoder back off, so there is exactly one decoder and one place that decides.
 */
@Configuration(proxyBeanMethods = false)
public class TokenIssuers {

    private static final Logger log = LoggerFactory.getLogger(TokenIssuers.class);

    private final ExternalIssuer external;
    private final LocalTokenIssuer local;

    TokenIssuers(SecurityProperties properties, ObjectProvider<OAuth2ResourceServerProperties> resourceServer) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getIfAvailable(OAuth2ResourceServerProperties::new).getJwt();
        this.external = new ExternalIssuer(jwt.getIssuerUri(), jwt.getJwkSetUri(), jwt.getAudiences());
        if (external.configured()) {
            this.local = null;
            log.info("Accepting bearer tokens of the external issuer {}",
                    external.issuerUri() != null ? external.issuerUri() : external.jwkSetUri());
        }
        else {
            this.local = LocalTokenIssuer.from(properties.jwt());
            // warm the JCA providers on the main thread and prove the key pair works
            ReactiveJwtDecoder decoder = JwtDecoders.create(external, local);
            String probe = local.issue("startup-probe", List.of(Role.BUREAU), java.time.Duration.ofMinutes(1),
                    java.util.Map.of()).getTokenValue();
            decoder.decode(probe).block(java.time.Duration.ofSeconds(10));
            log.info("Issuing and accepting local bearer tokens (issuer {}, key {})", local.issuer(),
                    properties.jwt().privateKey() == null ? "generated at startup" : "configured");
        }
    }

    public Optional<LocalTokenIssuer> local() {
        return Optional.ofNullable(local);
    }

    public ExternalIssuer external() {
        return external;
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder() {
        return JwtDecoders.create(external, local);
    }
}
