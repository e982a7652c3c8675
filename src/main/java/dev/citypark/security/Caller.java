package dev.citypark.security;

import java.util.Objects;

import dev.citypark.core.DriverId;
import dev.citypark.core.OperatorId;

/**
 * Who is calling: exactly one of an operator, a driver, a bureau client, the administrator, or nobody known.
 * Switch over it with a pattern ({@code if (caller instanceof Caller.Operator op)}) rather than on roles.
 */
public sealed interface Caller permits Caller.Operator, Caller.Driver, Caller.Bureau, Caller.Admin, Caller.Anonymous {

    /** The caller's role, or empty for an anonymous caller. */
    java.util.Optional<Role> role();

    /** An operator, by one of its API keys (or a client-credentials token naming the operator). */
    record Operator(OperatorId operatorId, String credentialId) implements Caller {

        public Operator {
            Objects.requireNonNull(operatorId, "operatorId");
            Objects.requireNonNull(credentialId, "credentialId");
        }

        @Override
        public java.util.Optional<Role> role() {
            return java.util.Optional.of(Role.OPERATOR);
        }
    }

    /** A driver, by a bearer token whose subject is the driver's account id. */
    record Driver(DriverId driverId) implements Caller {

        public Driver {
            Objects.requireNonNull(driverId, "driverId");
        }

        @Override
        public java.util.Optional<Role> role() {
            return java.util.Optional.of(Role.DRIVER);
        }
    }

    /** A bureau client (read-only analytics), by a service token. */
    record Bureau(String clientId) implements Caller {

        public Bureau {
            Objects.requireNonNull(clientId, "clientId");
        }

        @Override
        public java.util.Optional<Role> role() {
            return java.util.Optional.of(Role.BUREAU);
        }
    }

    /** The platform administrator, by the admin token (or a token carrying the ADMIN role). */
    record Admin(String name) implements Caller {

        public Admin {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public java.util.Optional<Role> role() {
            return java.util.Optional.of(Role.ADMIN);
        }
    }

    /** Nobody authenticated: only public endpoints reach code with this caller. */
    record Anonymous() implements Caller {

        @Override
        public java.util.Optional<Role> role() {
            return java.util.Optional.empty();
        }
    }
}
