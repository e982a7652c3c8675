package dev.citypark.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.citypark.core.OperatorId;
import dev.citypark.security.apikey.ApiKeys;
import dev.citypark.security.apikey.SigningSecrets;
import dev.citypark.security.crypto.Digests;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Signatures of Kafka records sent by operators' gateways. A signed record carries two headers:
 * {@value #KEY_ID_HEADER} (the id of one of the operator's API keys) and {@value #SIGNATURE_HEADER}
 * (base64 of HMAC-SHA256 over the record value's exact bytes, keyed with that API key's signing secret, which the
 * admin endpoint hands out once with the key).
 * <p>
 * Consumers call {@link #verify(Headers, byte[])} before using a record: it yields the operator the record speaks
 * for, or fails with a {@link RecordSignatureException} whose message is the dead-letter reason. The consumer must
 * still check that this operator owns the lot, segment, gate or sensor the record is about. Signatures do not stop
 * replays of a genuine record: consumers de-duplicate by event id and refuse stale timestamps.
 * <p>
 * Verification is CPU work plus a cached key lookup (revocation is honoured within
 * {@code citypark.security.api-key-cache-ttl}); calling {@code block()} on it is fine on a Kafka listener thread.
 */
@Component
public class RecordSignatures {

    public static final String KEY_ID_HEADER = "citypark-key-id";
    public static final String SIGNATURE_HEADER = "citypark-signature";

    private final ApiKeys apiKeys;
    private final SigningSecrets secrets;

    RecordSignatures(ApiKeys apiKeys, SigningSecrets secrets) {
        this.apiKeys = apiKeys;
        this.secrets = secrets;
    }

    /** The operator a signed record speaks for; fails with {@link RecordSignatureException} (the reason) otherwise. */
    public Mono<OperatorId> verify(Headers headers, byte[] payload) {
        return verify(text(headers, KEY_ID_HEADER), text(headers, SIGNATURE_HEADER), payload);
    }

    /** As {@link #verify(Headers, byte[])} for a value read with a String deserializer (UTF-8 bytes are signed). */
    public Mono<OperatorId> verify(Headers headers, String value) {
        return verify(headers, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /** Verifies a signature given as header values. */
    public Mono<OperatorId> verify(String keyId, String signature, byte[] payload) {
        return Mono.defer(() -> {
            if (keyId == null || keyId.isBlank()) {
                return refuse("unsigned record: header " + KEY_ID_HEADER + " is missing");
            }
            if (signature == null || signature.isBlank()) {
                return refuse("unsigned record: header " + SIGNATURE_HEADER + " is missing");
            }
            if (payload == null) {
                return refuse("record has no value to verify");
            }
            byte[] presented;
            try {
                presented = Base64.getDecoder().decode(signature.strip());
            }
            catch (IllegalArgumentException e) {
                return refuse("malformed signature: not base64");
            }
            var secret = secrets.secretFor(keyId);
            if (secret.isEmpty()) {
                return refuse("record signing is not configured on this instance");
            }
            if (!Digests.digestsEqual(presented, mac(secret.get(), payload))) {
                return refuse("forged record: the signature does not match the payload for key " + safe(keyId));
            }
            return apiKeys.operatorOfActiveKey(keyId)
                    .switchIfEmpty(refuse("signing key " + safe(keyId) + " is unknown or revoked"));
        });
    }

    /** Signs a record in-process with the derived secret of {@code keyId} (the simulator and tests). */
    public void sign(Headers headers, String keyId, byte[] payload) {
        String secret = secrets.secretFor(keyId)
                .orElseThrow(() -> new IllegalStateException("citypark.security.record-signing-key is not set"));
        sign(headers, keyId, secret, payload);
    }

    /** Signs a record as a gateway does: sets both headers for the payload, replacing earlier values. */
    public static void sign(Headers headers, String keyId, String signingSecret, byte[] payload) {
        headers.remove(KEY_ID_HEADER);
        headers.remove(SIGNATURE_HEADER);
        headers.add(KEY_ID_HEADER, keyId.getBytes(StandardCharsets.UTF_8));
        headers.add(SIGNATURE_HEADER, signature(signingSecret, payload).getBytes(StandardCharsets.US_ASCII));
    }

    /** base64(HMAC-SHA256(UTF-8 bytes of the signing secret, payload)). */
    public static String signature(String signingSecret, byte[] payload) {
        return Base64.getEncoder().encodeToString(mac(signingSecret, payload));
    }

    private static byte[] mac(String signingSecret, byte[] payload) {
        return Digests.hmacSha256(signingSecret.getBytes(StandardCharsets.UTF_8), payload);
    }

    private static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String safe(String keyId) {
        return keyId.length() > 64 || !keyId.matches("[A-Za-z0-9_-]+") ? "(malformed id)" : "'" + keyId + "'";
    }

    private static <T> Mono<T> refuse(String reason) {
        return Mono.error(new RecordSignatureException(reason));
    }
}
