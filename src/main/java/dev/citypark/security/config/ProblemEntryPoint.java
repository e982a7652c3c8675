package dev.citypark.security.config;

import java.util.Map;
import java.util.stream.Collectors;

import dev.citypark.security.ratelimit.RateLimitWebFilter;
import dev.citypark.security.ratelimit.RateLimiter;
import dev.citypark.security.ratelimit.TooManyRequestsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 for every authentication failure (no credential where one is needed, unknown/revoked/wrong API key or admin
 * token, invalid or expired bearer token), as a problem with a {@code WWW-Authenticate} challenge (RFC 6750 details
 * for bearer errors). The detail never says which part of a credential was wrong. Refusals count against the client
 * IP's {@code auth} rate limit, so guessing keys, tokens or codes ends in 429s.
 */
final class ProblemEntryPoint implements ServerAuthenticationEntryPoint {

    private static final String REALM = "realm=\"citypark\"";

    private final RateLimiter limiter;
    private final boolean limited;

    /** With {@code limited}, every refusal also counts against the client IP's {@code auth} bucket (guessing → 429). */
    ProblemEntryPoint(RateLimiter limiter, boolean limited) {
        this.limiter = limiter;
        this.limited = limited;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        if (limited) {
            var wait = limiter.tryConsume(RateLimiter.Group.AUTH, RateLimitWebFilter.clientIp(exchange.getRequest()));
            if (wait.isPresent()) {
                return Mono.error(new TooManyRequestsException(wait.get()));
            }
        }
        return Mono.error(problem(failure));
    }

    static AuthenticationProblem problem(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError bearer) {
            Map<String, String> parameters = new java.util.LinkedHashMap<>();
            parameters.put("error", bearer.getErrorCode());
            if (bearer.getDescription() != null) {
                parameters.put("error_description", bearer.getDescription().replace('"', '\''));
            }
            String challenge = "Bearer " + REALM + ", " + parameters.entrySet().stream()
                    .map(e -> e.getKey() + "=\"" + e.getValue() + "\"").collect(Collectors.joining(", "));
            return new AuthenticationProblem("The bearer token is invalid or expired", challenge);
        }
        if (failure instanceof CredentialRejectedException rejected) {
            return new AuthenticationProblem(rejected.getMessage(), "Bearer " + REALM);
        }
        return new AuthenticationProblem("Authentication required: send X-Api-Key (operators), "
                + "Authorization: Bearer (drivers, bureau) or X-Admin-Token (administration)", "Bearer " + REALM);
    }
}
