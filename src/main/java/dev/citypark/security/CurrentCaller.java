package dev.citypark.security;

import dev.citypark.core.DriverId;
import dev.citypark.core.ForbiddenException;
import dev.citypark.core.OperatorId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The caller of the current request, read from the reactive security context. Use it inside the request's reactive
 * chain (a controller's returned Mono/Flux), never after switching to a chain that lost the subscriber context.
 * <p>
 * The typed getters fail instead of answering empty, so a forgotten check cannot turn into an empty 200: nobody
 * authenticated → 401 problem; someone else (a driver asking as an operator) → 403 problem.
 */
@Component
public class CurrentCaller {

    /** The caller; {@link Caller.Anonymous} when nobody is authenticated. Never empty. */
    public Mono<Caller> current() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getPrincipal)
                .ofType(Caller.class)
                .defaultIfEmpty(new Caller.Anonymous());
    }

    /** The calling operator's id; 401 if anonymous, 403 if the caller is not an operator. */
    public Mono<OperatorId> currentOperator() {
        return current().flatMap(caller -> caller instanceof Caller.Operator operator
                ? Mono.just(operator.operatorId())
                : Mono.error(refusal(caller, "an operator")));
    }

    /** The calling driver's account id; 401 if anonymous, 403 if the caller is not a driver. */
    public Mono<DriverId> currentDriver() {
        return current().flatMap(caller -> caller instanceof Caller.Driver driver
                ? Mono.just(driver.driverId())
                : Mono.error(refusal(caller, "a driver")));
    }

    /**
     * Completes if the caller is the operator {@code owner}; otherwise fails with a {@link ForbiddenException} (403)
     * — or 401 if nobody is authenticated. Call it before every operator write and operator-scoped read.
     */
    public Mono<Void> requireOperatorOwns(OperatorId owner) {
        return currentOperator().flatMap(operator -> operator.equals(owner)
                ? Mono.<Void>empty()
                : Mono.error(new ForbiddenException("This belongs to another operator")));
    }

    private static RuntimeException refusal(Caller caller, String expected) {
        if (caller instanceof Caller.Anonymous) {
            return new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Authentication required");
        }
        return new ForbiddenException("Only " + expected + " may do this");
    }
}
