package dev.citypark.security.ratelimit;

import java.net.InetSocketAddress;
import java.util.Optional;

import dev.citypark.security.Caller;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts every request against its caller's bucket — the API key, the driver, the bureau client, the admin
 * credential, or for anonymous requests the client IP (tight for {@code /api/v1/search/**}, tighter for
 * {@code /api/v1/auth/**}) — and answers 429 with {@code Retry-After} when it is empty. Runs in the security chain
 * after authentication; health checks are never limited. Behind a proxy, set {@code server.forward-headers-strategy}
 * so that the client IP is the real one.
 */
public final class RateLimitWebFilter implements WebFilter {

    private final RateLimiter limiter;

    public RateLimitWebFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/actuator/health")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getPrincipal)
                .ofType(Caller.class)
                .defaultIfEmpty(new Caller.Anonymous())
                .flatMap(caller -> {
                    Optional<java.time.Duration> wait = consume(caller, path, exchange.getRequest());
                    return wait.isPresent() ? Mono.error(new TooManyRequestsException(wait.get())) : chain.filter(exchange);
                });
    }

    private Optional<java.time.Duration> consume(Caller caller, String path, ServerHttpRequest request) {
        if (path.startsWith("/api/v1/auth/")) {
            return limiter.tryConsume(RateLimiter.Group.AUTH, clientIp(request));
        }
        if (caller instanceof Caller.Operator operator) {
            return limiter.tryConsume(RateLimiter.Group.OPERATOR, operator.credentialId());
        }
        if (caller instanceof Caller.Driver driver) {
            return limiter.tryConsume(RateLimiter.Group.DRIVER, driver.driverId().value());
        }
        if (caller instanceof Caller.Bureau bureau) {
            return limiter.tryConsume(RateLimiter.Group.BUREAU, bureau.clientId());
        }
        if (caller instanceof Caller.Admin admin) {
            return limiter.tryConsume(RateLimiter.Group.ADMIN, admin.name());
        }
        return limiter.tryConsume(path.startsWith("/api/v1/search/") || path.equals("/api/v1/search")
                ? RateLimiter.Group.ANONYMOUS_SEARCH : RateLimiter.Group.ANONYMOUS, clientIp(request));
    }

    /** The client's IP address (the proxy's unless forwarded headers are configured). */
    public static String clientIp(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
