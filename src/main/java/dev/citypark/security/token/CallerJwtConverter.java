package dev.citypark.security.token;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.citypark.core.DriverId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.OperatorId;
import dev.citypark.security.Caller;
import dev.citypark.security.Role;
import dev.citypark.security.config.CallerAuthentication;
import dev.citypark.security.config.SecurityProperties;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Turns a verified JWT (local or external) into a {@link CallerAuthentication}: the roles claim (a list or a
 * space-separated string, values {@code DRIVER} or {@code ROLE_DRIVER}) gives the authorities {@code ROLE_*}; the
 * caller is, by precedence, Admin, Operator (needs the operator claim), Bureau, Driver (the subject is the driver id).
 * A token with no citypark role, or whose subject is not a valid id, is refused (401).
 */
public final class CallerJwtConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    private final String rolesClaim;
    private final String operatorClaim;

    public CallerJwtConverter(SecurityProperties.Jwt settings) {
        this.rolesClaim = settings.rolesClaim();
        this.operatorClaim = settings.operatorClaim();
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.fromCallable(() -> authenticate(jwt));
    }

    CallerAuthentication authenticate(Jwt jwt) {
        Set<Role> roles = roles(jwt.getClaim(rolesClaim));
        String subject = jwt.getSubject();
        if (roles.isEmpty()) {
            throw new BadJwtException("The token carries no citypark role");
        }
        if (subject == null || subject.isBlank()) {
            throw new BadJwtException("The token has no subject");
        }
        try {
            Caller caller;
            if (roles.contains(Role.ADMIN)) {
                caller = new Caller.Admin(subject);
            }
            else if (roles.contains(Role.OPERATOR)) {
                String operator = jwt.getClaimAsString(operatorClaim);
                if (operator == null) {
                    throw new BadJwtException("An operator token must name its operator");
                }
                caller = new Caller.Operator(OperatorId.of(operator), "jwt:" + subject);
            }
            else if (roles.contains(Role.BUREAU)) {
                caller = new Caller.Bureau(subject);
            }
            else {
                caller = new Caller.Driver(DriverId.of(subject));
            }
            return new CallerAuthentication(caller, roles);
        }
        catch (InvalidValueException e) {
            throw new BadJwtException("The token's subject or operator is not a valid id");
        }
    }

    private static Set<Role> roles(Object claim) {
        Collection<?> values;
        if (claim instanceof Collection<?> list) {
            values = list;
        }
        else if (claim instanceof String text) {
            values = List.of(text.split("[\\s,]+"));
        }
        else {
            values = List.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            Role.parse(String.valueOf(value)).ifPresent(roles::add);
        }
        return roles;
    }
}
