package dev.citypark.security.config;

import java.time.Duration;
import java.util.List;

import dev.citypark.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Security settings, under {@code citypark.security.*}. No secret has a default here: the local-development values
 * live only in the test resources ({@code application-embedded.yml}, {@code application-test.yml}).
 *
 * @param adminToken          the {@code X-Admin-Token} value; unset → every admin endpoint answers 401
 * @param devVerificationCode the SMS code the local driver-token endpoint accepts for every phone (development
 *                            only); unset → {@code POST /api/v1/auth/driver-token} is disabled (404)
 * @param driverIdKey         secret key of the keyed hash that turns a phone number into a driver id; required when
 *                            the driver-token endpoint is enabled
 * @param apiKeyCacheTtl      how long a looked-up API key is trusted without asking the database again; a revoked
 *                            key stops working on every instance within this time (at once on the revoking one)
 * @param jwt                 the local token issuer and how tokens map to roles
 * @param serviceClients      clients that may exchange id + secret for a service token (the bureau)
 * @param seedKeys            operator API keys upserted at startup (local development and onboarding scripts)
 * @param cors                cross-origin access for browsers; none unless origins are listed
 * @param maxRequestBody      larger request bodies are refused with 413 before they are read
 * @param jsonMaxDepth        deeper JSON nesting in a request body is refused with 400
 * @param recordSigningKey    master secret from which each API key's Kafka record-signing secret is derived;
 *                            unset → no record verifies (every gateway record is dead-lettered)
 */
@ConfigurationProperties("citypark.security")
public record SecurityProperties(
        String adminToken,
        String devVerificationCode,
        String driverIdKey,
        @DefaultValue("5s") Duration apiKeyCacheTtl,
        @DefaultValue Jwt jwt,
        List<ServiceClient> serviceClients,
        List<SeedKey> seedKeys,
        @DefaultValue Cors cors,
        @DefaultValue("2MB") DataSize maxRequestBody,
        @DefaultValue("32") int jsonMaxDepth,
        String recordSigningKey) {

    public SecurityProperties {
        serviceClients = serviceClients == null ? List.of() : List.copyOf(serviceClients);
        seedKeys = seedKeys == null ? List.of() : List.copyOf(seedKeys);
        if (apiKeyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("citypark.security.api-key-cache-ttl must not be negative");
        }
    }

    /**
     * CORS. Empty {@code allowedOrigins} (the default): no cross-origin access at all; otherwise exactly these
     * origins (no wildcards, no credentials/cookies — the API has none), with these methods and request headers.
     */
    public record Cors(
            List<String> allowedOrigins,
            @DefaultValue({"GET", "POST", "PUT", "PATCH", "DELETE"}) List<String> allowedMethods,
            @DefaultValue({"Authorization", "Content-Type", "Accept", "If-None-Match", "Last-Event-ID"})
            List<String> allowedHeaders,
            @DefaultValue("1h") Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
            if (allowedOrigins.contains("*")) {
                throw new IllegalArgumentException("citypark.security.cors.allowed-origins must list origins, not '*'");
            }
        }
    }

    public boolean adminEnabled() {
        return adminToken != null && !adminToken.isBlank();
    }

    public boolean driverTokenEnabled() {
        return devVerificationCode != null && !devVerificationCode.isBlank();
    }

    /**
     * The local issuer (used when no external issuer is configured under
     * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} / {@code jwk-set-uri}).
     *
     * @param issuer          the {@code iss} of locally issued tokens (and the only one the local decoder accepts)
     * @param privateKey      RSA private key, PKCS#8 PEM; unset → a key pair is generated at startup (tokens then do
     *                        not survive a restart and are not shared between instances)
     * @param keyId           the {@code kid} header of locally issued tokens
     * @param rolesClaim      the claim holding the caller's roles (a list or a space-separated string), local or external
     * @param operatorClaim   the claim naming the operator of an OPERATOR token
     * @param driverTokenTtl  lifetime of a driver token
     * @param serviceTokenTtl lifetime of a service token
     */
    public record Jwt(
            @DefaultValue("https://citypark.invalid/local") String issuer,
            String privateKey,
            @DefaultValue("citypark-local") String keyId,
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("operator_id") String operatorClaim,
            @DefaultValue("1h") Duration driverTokenTtl,
            @DefaultValue("1h") Duration serviceTokenTtl) {
    }

    /**
     * A client of {@code POST /api/v1/auth/service-token}.
     *
     * @param clientId     the client's id
     * @param secretSha256 hex SHA-256 of the client's secret (secrets must be long random strings)
     * @param roles        roles of the issued token; default {@code [BUREAU]}
     * @param operatorId   the operator an OPERATOR client acts for
     */
    public record ServiceClient(String clientId, String secretSha256, List<Role> roles, String operatorId) {

        public ServiceClient {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("citypark.security.service-clients[].client-id is required");
            }
            if (secretSha256 == null || !secretSha256.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("citypark.security.service-clients[" + clientId
                        + "].secret-sha256 must be 64 hex digits (the SHA-256 of the secret)");
            }
            roles = roles == null || roles.isEmpty() ? List.of(Role.BUREAU) : List.copyOf(roles);
            if (roles.contains(Role.OPERATOR) && (operatorId == null || operatorId.isBlank())) {
                throw new IllegalArgumentException("citypark.security.service-clients[" + clientId
                        + "] has role OPERATOR and needs operator-id");
            }
        }
    }

    /**
     * An operator API key to upsert at startup: {@code X-Api-Key: <keyId>.<secret>}. Give either the secret or its
     * SHA-256 (hex). Seeding restores a revoked seed key: configuration says it is valid.
     */
    public record SeedKey(String operatorId, String keyId, String secret, String secretSha256) {

        public SeedKey {
            if (operatorId == null || keyId == null || (secret == null) == (secretSha256 == null)) {
                throw new IllegalArgumentException("citypark.security.seed-keys[] needs operator-id, key-id and "
                        + "exactly one of secret or secret-sha256");
            }
        }
    }
}
