package dev.citypark.analytics.sessions;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.citypark.core.Plate;

/**
 * Replaces a plate by its keyed hash, HMAC-SHA256 over the normalised plate and its colour, hex: the same vehicle
 * always gets the same hash (so repeat visits can be counted), and without the key a hash cannot be tested against
 * guessed plates. Thread-safe (a {@link Mac} per call from a prototype cloned, never shared).
 */
public final class PlateHasher {

    private final Mac prototype;

    public PlateHasher(String key) {
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public String hash(Plate plate, String colour) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        }
        catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 cannot be cloned", e);
        }
        byte[] digest = mac.doFinal((plate.value() + "|" + (colour == null ? "" : colour))
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
