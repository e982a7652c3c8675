package dev.citypark.security.config;

import dev.citypark.security.Caller;
import dev.citypark.security.apikey.ApiKeys;
import dev.citypark.security.crypto.Digests;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;

/** Checks an {@code X-Api-Key} against the stored keys, or an {@code X-Admin-Token} against the configured token. */
final class HeaderCredentialAuthentication implements ReactiveAuthenticationManager {

    private final ApiKeys apiKeys;
    private final SecurityProperties properties;

    HeaderCredentialAuthentication(ApiKeys apiKeys, SecurityProperties properties) {
        this.apiKeys = apiKeys;
        this.properties = properties;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        PresentedCredential presented = (PresentedCredential) authentication;
        String value = (String) presented.getCredentials();
        if (presented.kind() == PresentedCredential.Kind.ADMIN_TOKEN) {
            if (!properties.adminEnabled()) {
                return Mono.error(new CredentialRejectedException("Administration is disabled on this instance"));
            }
            return Digests.secretsEqual(value, properties.adminToken())
                    ? Mono.just(new CallerAuthentication(new Caller.Admin("admin-token")))
                    : Mono.error(new CredentialRejectedException("The admin token is wrong"));
        }
        String keyId = value.substring(0, Math.max(0, value.indexOf('.')));
        return apiKeys.verify(value)
                .<Authentication>map(operator -> new CallerAuthentication(new Caller.Operator(operator, "key:" + keyId)))
                .switchIfEmpty(Mono.error(() -> new CredentialRejectedException(
                        "The API key is unknown, revoked or wrong; send X-Api-Key: <keyId>.<secret>")));
    }
}
