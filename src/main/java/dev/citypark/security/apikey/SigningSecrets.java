package dev.citypark.security.apikey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import dev.citypark.security.config.SecurityProperties;
import dev.citypark.security.crypto.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Kafka record-signing secret of each API key, derived rather than stored:
 * {@code HMAC-SHA256(citypark.security.record-signing-key, "citypark-record-signing/v1/" + keyId)}, base64url.
 * <p>
 * Why derived: verifying an HMAC needs the secret itself (a hash would not do), so a stored secret would have to be
 * encrypted with a key from configuration anyway. Deriving it from that configured key gives the same protection
 * with nothing secret in the database, no second table and no second rotation procedure: the signing secret belongs
 * to the API key, is shown once when the key is issued, and dies when the key is revoked (rotation = issue a new
 * key, revoke the old). Changing the master key changes every signing secret at once (emergency rotation).
 */
@Component
public class SigningSecrets {

    private static final Logger log = LoggerFactory.getLogger(SigningSecrets.class);
    private static final String LABEL = "citypark-record-signing/v1/";

    private final byte[] masterKey;

    SigningSecrets(SecurityProperties properties) {
        String configured = properties.recordSigningKey();
        if (configured == null || configured.isBlank()) {
            this.masterKey = null;
            log.warn("citypark.security.record-signing-key is not set: no gateway record can be verified");
        }
        else if (configured.length() < 32) {
            throw new IllegalStateException("citypark.security.record-signing-key must have at least 32 characters");
        }
        else {
            this.masterKey = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    public boolean enabled() {
        return masterKey != null;
    }

    /** The signing secret of an API key id (as text, the form given to the gateway), if signing is configured. */
    public Optional<String> secretFor(String keyId) {
        if (masterKey == null) {
            return Optional.empty();
        }
        byte[] derived = Digests.hmacSha256(masterKey, (LABEL + keyId).getBytes(StandardCharsets.UTF_8));
        return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(derived));
    }
}
