package dev.citypark.security.config;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A credential read from a header, not yet checked. */
final class PresentedCredential extends AbstractAuthenticationToken {

    enum Kind { API_KEY, ADMIN_TOKEN }

    private final Kind kind;
    private final String value;

    PresentedCredential(Kind kind, String value) {
        super(List.of());
        this.kind = kind;
        this.value = value;
    }

    Kind kind() {
        return kind;
    }

    @Override
    public Object getCredentials() {
        return value;
    }

    @Override
    public Object getPrincipal() {
        return kind;
    }
}
