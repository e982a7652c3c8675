package dev.citypark.security.config;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A 401 raised by the security filters. It travels to {@code core.web.ProblemExceptionHandler} like any other error,
 * which renders the problem and copies the {@code WWW-Authenticate} header carried here.
 */
final class AuthenticationProblem extends ResponseStatusException {

    private final HttpHeaders headers = new HttpHeaders();

    AuthenticationProblem(String reason, String challenge) {
        super(HttpStatus.UNAUTHORIZED, reason);
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
