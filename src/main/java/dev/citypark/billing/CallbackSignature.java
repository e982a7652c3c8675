package dev.citypark.billing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a payment callback: header {@code X-Citypark-Signature: t=<epoch seconds>,v1=<hex>} where the hex
 * is HMAC-SHA256 over {@code "<t>.<raw body>"} with the shared callback secret. Verified in constant time, and only
 * within a tolerance around now, so a captured callback cannot be replayed later.
 */
final class CallbackSignature {

    static final String HEADER = "X-Citypark-Signature";

    private final byte[] secret;
    private final Duration tolerance;

    CallbackSignature(String secret, Duration tolerance) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    boolean isConfigured() {
        return secret.length > 0;
    }

    /** @throws IllegalStateException without a secret */
    String sign(String body, Instant at) {
        if (!isConfigured()) {
            throw new IllegalStateException("no callback secret is configured");
        }
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(t + "." + body));
    }

    /** True when the header is well formed, fresh, and its MAC matches the body. */
    boolean verify(String body, String header, Instant now) {
        if (!isConfigured() || header == null || header.length() > 200) {
            return false;
        }
        Long t = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String item = part.strip();
            try {
                if (item.startsWith("t=")) {
                    t = Long.parseLong(item.substring(2));
                }
                else if (item.startsWith("v1=")) {
                    given = HexFormat.of().parseHex(item.substring(3));
                }
            }
            catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (t == null || given == null) {
            return false;
        }
        Duration age = Duration.between(Instant.ofEpochSecond(t), now).abs();
        if (age.compareTo(tolerance) > 0) {
            return false;
        }
        return MessageDigest.isEqual(hmac(t + "." + body), given);
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
