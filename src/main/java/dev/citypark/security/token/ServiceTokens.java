package dev.citypark.security.token;

import java.util.HashMap;
import java.util.Map;

import dev.citypark.security.config.SecurityProperties;
import dev.citypark.security.crypto.Digests;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Client credentials with the local issuer: a configured client ({@code citypark.security.service-clients}, secrets
 * stored as SHA-256) exchanges id + secret for a token with the client's roles (default BUREAU). With an external
 * issuer the clients get their tokens there, and this endpoint does not exist (404).
 */
@Component
public class ServiceTokens {

    private static final byte[] NO_SUCH_CLIENT = new byte[32];

    private final LocalTokenIssuer issuer;
    private final Map<String, SecurityProperties.ServiceClient> clients = new HashMap<>();
    private final SecurityProperties.Jwt settings;

    ServiceTokens(TokenIssuers issuers, SecurityProperties properties) {
        this.issuer = issuers.local().orElse(null);
        this.settings = properties.jwt();
        properties.serviceClients().forEach(client -> clients.put(client.clientId(), client));
    }

    public Mono<IssuedToken> issue(String clientId, String clientSecret) {
        if (issuer == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        SecurityProperties.ServiceClient client = clientId == null ? null : clients.get(clientId);
        byte[] expected = client == null ? NO_SUCH_CLIENT : Digests.unhex(client.secretSha256());
        boolean matches = clientSecret != null && Digests.digestsEqual(Digests.sha256(clientSecret), expected);
        if (client == null || !matches) {
            return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Unknown client or wrong secret"));
        }
        Map<String, Object> claims = new HashMap<>();
        if (client.operatorId() != null && !client.operatorId().isBlank()) {
            claims.put(settings.operatorClaim(), client.operatorId());
        }
        return Mono.fromCallable(() -> issuer.issue(client.clientId(), client.roles(), settings.serviceTokenTtl(), claims))
                .subscribeOn(Schedulers.boundedElastic())
                .map(jwt -> IssuedToken.bearer(jwt.getTokenValue(), settings.serviceTokenTtl().toSeconds()));
    }
}
