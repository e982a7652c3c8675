package dev.citypark.security.config;

import java.util.Collection;
import java.util.List;

import dev.citypark.security.Caller;
import dev.citypark.security.Role;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated caller, whatever the credential (API key, admin token, JWT): the principal is the {@link Caller},
 * the authorities are its roles as {@code ROLE_*}. No credential is kept.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Caller caller, Collection<Role> roles) {
        super(authorities(roles));
        this.caller = caller;
        setAuthenticated(true);
    }

    public CallerAuthentication(Caller caller) {
        this(caller, caller.role().map(List::of).orElse(List.of()));
    }

    private static List<GrantedAuthority> authorities(Collection<Role> roles) {
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }

    @Override
    public String getName() {
        if (caller instanceof Caller.Operator operator) {
            return "operator:" + operator.operatorId() + "/" + operator.credentialId();
        }
        if (caller instanceof Caller.Driver driver) {
            return "driver:" + driver.driverId();
        }
        if (caller instanceof Caller.Bureau bureau) {
            return "bureau:" + bureau.clientId();
        }
        if (caller instanceof Caller.Admin admin) {
            return "admin:" + admin.name();
        }
        return "anonymous";
    }
}
