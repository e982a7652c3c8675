package dev.citypark.security.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.citypark.security.Caller;
import dev.citypark.security.config.CallerAuthentication;
import dev.citypark.security.config.SecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerJwtConverterTest {

    final CallerJwtConverter converter = new CallerJwtConverter(new SecurityProperties.Jwt(
            "https://citypark.invalid/local", null, "k", "roles", "operator_id", Duration.ofHours(1), Duration.ofHours(1)));

    static Jwt jwt(String subject, Object roles, String operator) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject(subject)
                .issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60));
        if (roles != null) {
            builder.claim("roles", roles);
        }
        if (operator != null) {
            builder.claim("operator_id", operator);
        }
        return builder.build();
    }

    @Test
    void mapsDriverRoleToDriverCallerAndAuthority() {
        CallerAuthentication auth = converter.authenticate(jwt("drv-abc", List.of("DRIVER"), null));

        assertThat(auth.getPrincipal()).isEqualTo(new Caller.Driver(dev.citypark.core.DriverId.of("drv-abc")));
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_DRIVER");
    }

    @Test
    void acceptsSpaceSeparatedAndPrefixedRoles() {
        CallerAuthentication auth = converter.authenticate(jwt("bureau-x", "ROLE_bureau extra", null));

        assertThat(auth.getPrincipal()).isInstanceOf(Caller.Bureau.class);
        assertThat(auth.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_BUREAU");
    }

    @Test
    void operatorTokenNeedsItsOperator() {
        assertThat(converter.authenticate(jwt("gw-1", List.of("OPERATOR"), "OP-GAR-01")).getPrincipal())
                .isEqualTo(new Caller.Operator(dev.citypark.core.OperatorId.of("OP-GAR-01"), "jwt:gw-1"));
        assertThatThrownBy(() -> converter.authenticate(jwt("gw-1", List.of("OPERATOR"), null)))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void refusesTokensWithoutRoleOrWithAnInvalidSubject() {
        assertThatThrownBy(() -> converter.authenticate(jwt("someone", null, null))).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> converter.authenticate(jwt("someone", List.of("SUPERUSER"), null)))
                .isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> converter.authenticate(jwt("has spaces/and slashes", List.of("DRIVER"), null)))
                .isInstanceOf(BadJwtException.class);
    }
}
