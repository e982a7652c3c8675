package dev.citypark.security.config;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Content-Security-Policy on every response: API responses may load and frame nothing; the bureau page
 * ({@code /bureau/**}) may load its own scripts, styles and images and connect to this origin, nothing inline (its
 * code sets colours through SVG attributes and the CSSOM, which CSP does not restrict). Written just before the response commits, unless
 * a handler set its own. The other security headers come from Spring Security's header writers
 * ({@code WebSecurityConfiguration}).
 */
final class SecurityHeaders implements WebFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String policy = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/bureau")
                ? PAGE_POLICY : API_POLICY;
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (!headers.containsHeader("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", policy);
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
