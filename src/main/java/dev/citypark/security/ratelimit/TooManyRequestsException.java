package dev.citypark.security.ratelimit;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** 429 with {@code Retry-After} (whole seconds, at least 1), rendered as a problem by core's handler. */
public final class TooManyRequestsException extends ResponseStatusException {

    private final HttpHeaders headers = new HttpHeaders();

    public TooManyRequestsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many requests; retry after " + seconds(retryAfter) + " s");
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    private static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    @Override
    public HttpHeaders getHeaders() {
        return headers;
    }
}
