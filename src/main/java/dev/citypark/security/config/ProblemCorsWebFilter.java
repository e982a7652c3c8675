package dev.citypark.security.config;

import dev.citypark.core.ForbiddenException;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the configured origins only (Spring's {@link DefaultCorsProcessor}); a cross-origin request from any other
 * origin is a 403 problem rather than Spring's empty 403. Preflights of allowed origins are answered here and go no
 * further (they carry no credential).
 */
final class ProblemCorsWebFilter implements WebFilter {

    private final CorsConfiguration configuration;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

    ProblemCorsWebFilter(SecurityProperties.Cors cors) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(cors.allowedMethods());
        config.setAllowedHeaders(cors.allowedHeaders());
        config.setExposedHeaders(java.util.List.of("Retry-After", "Location", "ETag"));
        config.setAllowCredentials(false);
        config.setMaxAge(cors.maxAge());
        this.configuration = config;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return Mono.error(new ForbiddenException("Cross-origin requests from this origin are not allowed"));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
