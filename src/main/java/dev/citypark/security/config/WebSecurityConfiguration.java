package dev.citypark.security.config;

import java.time.Duration;

import dev.citypark.core.ForbiddenException;
import dev.citypark.security.Role;
import dev.citypark.security.apikey.ApiKeys;
import dev.citypark.security.ratelimit.RateLimitProperties;
import dev.citypark.security.ratelimit.RateLimitWebFilter;
import dev.citypark.security.ratelimit.RateLimiter;
import dev.citypark.security.token.CallerJwtConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one place that says who may call what. Stateless: every request carries its credential — {@code X-Api-Key}
 * (operators), {@code Authorization: Bearer} (drivers, bureau, external clients) or {@code X-Admin-Token} — and no
 * session or cookie is ever created, so CSRF protection has nothing to protect.
 * <p>
 * Path rules (anything not listed is denied): public GETs of registry, tariffs, availability, guidance, search, open
 * data and the bureau page; {@code /api/v1/auth/**} public; {@code /api/v1/vehicles/**} reaches its controller,
 * which decides; {@code /api/v1/operator/**} OPERATOR; {@code /api/v1/me/**} DRIVER; {@code /api/v1/analytics/**}
 * BUREAU or ADMIN; {@code /api/v1/admin/**} ADMIN; {@code /actuator/health/**} and {@code /v3/api-docs/**} public,
 * the other actuator endpoints (prometheus, metrics, info) ADMIN.
 * <p>
 * Every response carries X-Content-Type-Options nosniff, X-Frame-Options DENY, Referrer-Policy no-referrer,
 * a Content-Security-Policy ({@link SecurityHeaders}), Cache-Control no-store unless the handler set its own, and
 * HSTS on HTTPS. CORS only for {@code citypark.security.cors.allowed-origins}. Bodies over
 * {@code citypark.security.max-request-body} are refused (413).
 * <p>
 * A missing or refused credential is a 401 problem, a known caller without the role a 403 problem, an exhausted rate
 * limit ({@code security.ratelimit}) a 429 problem with {@code Retry-After}; all are rendered by
 * {@code core.web.ProblemExceptionHandler} like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class WebSecurityConfiguration {

    static final String[] PUBLIC_READS = {
            "/api/v1/lots/**", "/api/v1/segments/**", "/api/v1/bays/**", "/api/v1/districts/**", "/api/v1/operators/**",
            "/api/v1/tariffs/**",
            "/api/v1/availability/**", "/api/v1/guidance/**", "/api/v1/search/**", "/api/v1/opendata/**",
            "/bureau/**", "/v3/api-docs/**", "/actuator/health/**"};

    static final String API_KEY_HEADER = "X-Api-Key";
    static final String ADMIN_TOKEN_HEADER = "X-Admin-Token";

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ApiKeys apiKeys,
            SecurityProperties properties, ReactiveJwtDecoder jwtDecoder, RateLimiter rateLimiter,
            RateLimitProperties rateLimits) {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(rateLimiter, rateLimits.enabled());
        ServerAccessDeniedHandler accessDenied = (exchange, denied) ->
                Mono.error(new ForbiddenException("Your credentials do not allow this"));

        AuthenticationWebFilter headerCredentials =
                new AuthenticationWebFilter(new HeaderCredentialAuthentication(apiKeys, properties));
        headerCredentials.setServerAuthenticationConverter(WebSecurityConfiguration::headerCredential);
        headerCredentials.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        headerCredentials.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());

        if (rateLimits.enabled()) {
            http.addFilterAfter(new RateLimitWebFilter(rateLimiter), SecurityWebFiltersOrder.AUTHENTICATION);
        }
        if (properties.cors().allowedOrigins().isEmpty()) {
            http.cors(ServerHttpSecurity.CorsSpec::disable);
        }
        else {
            http.cors(ServerHttpSecurity.CorsSpec::disable)
                    .addFilterAt(new ProblemCorsWebFilter(properties.cors()), SecurityWebFiltersOrder.CORS);
        }
        return http
                .addFilterAfter(new SecurityHeaders(), SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .addFilterAfter(new RequestBodyLimitWebFilter(properties.maxRequestBody().toBytes()),
                        SecurityWebFiltersOrder.HTTP_HEADERS_WRITER)
                .headers(headers -> headers
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .addFilterAt(headerCredentials, SecurityWebFiltersOrder.AUTHENTICATION)
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(new CallerJwtConverter(properties.jwt())))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, PUBLIC_READS).permitAll()
                        .pathMatchers(HttpMethod.HEAD, PUBLIC_READS).permitAll()
                        .pathMatchers("/api/v1/auth/**").permitAll()
                        .pathMatchers("/api/v1/vehicles/**").permitAll()
                        // the payment provider's callback: no citypark credential, authenticated by its HMAC signature
                        .pathMatchers(HttpMethod.POST, "/api/v1/payments/callback").permitAll()
                        // GET /api/v1/sessions/{id}/quote: a driver's own session
                        .pathMatchers("/api/v1/sessions/**").hasRole(Role.DRIVER.name())
                        .pathMatchers("/api/v1/operator/**").hasRole(Role.OPERATOR.name())
                        .pathMatchers("/api/v1/me/**").hasRole(Role.DRIVER.name())
                        .pathMatchers("/api/v1/analytics/**").hasAnyRole(Role.BUREAU.name(), Role.ADMIN.name())
                        .pathMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .pathMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyExchange().denyAll())
                .build();
    }

    /** The X-Api-Key or X-Admin-Token of the request, if any; more than one credential is refused. */
    private static Mono<Authentication> headerCredential(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String apiKey = headers.getFirst(API_KEY_HEADER);
        String adminToken = headers.getFirst(ADMIN_TOKEN_HEADER);
        if (apiKey == null && adminToken == null) {
            return Mono.empty();
        }
        if ((apiKey != null && adminToken != null) || headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
            return Mono.error(new CredentialRejectedException(
                    "Send exactly one credential: X-Api-Key, X-Admin-Token or Authorization"));
        }
        return Mono.just(apiKey != null
                ? new PresentedCredential(PresentedCredential.Kind.API_KEY, apiKey.strip())
                : new PresentedCredential(PresentedCredential.Kind.ADMIN_TOKEN, adminToken));
    }
}
