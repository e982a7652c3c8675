package dev.citypark.security.config;

import org.springframework.security.authentication.BadCredentialsException;

/** A presented API key or admin token was refused; the message is safe to show. */
final class CredentialRejectedException extends BadCredentialsException {

    CredentialRejectedException(String message) {
        super(message);
    }
}
