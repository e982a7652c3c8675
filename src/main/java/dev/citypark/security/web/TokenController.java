package dev.citypark.security.web;

import dev.citypark.security.token.DriverTokens;
import dev.citypark.security.token.IssuedToken;
import dev.citypark.security.token.ServiceTokens;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The local issuer's token endpoints (public paths): driver sign-in and client credentials for bureau clients.
 * Both answer 404 when an external issuer is configured; driver sign-in also when no verification code is set.
 */
@RestController
@RequestMapping(path = "/api/v1/auth", consumes = MediaType.APPLICATION_JSON_VALUE)
class TokenController {

    private final DriverTokens driverTokens;
    private final ServiceTokens serviceTokens;

    TokenController(DriverTokens driverTokens, ServiceTokens serviceTokens) {
        this.driverTokens = driverTokens;
        this.serviceTokens = serviceTokens;
    }

    @PostMapping("/driver-token")
    Mono<IssuedToken> driverToken(@RequestBody DriverTokenRequest request) {
        return driverTokens.signIn(request.phone(), request.code());
    }

    @PostMapping("/service-token")
    Mono<IssuedToken> serviceToken(@RequestBody ServiceTokenRequest request) {
        return serviceTokens.issue(request.clientId(), request.clientSecret());
    }

    record DriverTokenRequest(String phone, String code) {
    }

    record ServiceTokenRequest(String clientId, String clientSecret) {
    }
}
