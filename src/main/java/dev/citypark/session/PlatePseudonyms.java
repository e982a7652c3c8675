package dev.citypark.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What replaces a plate when a session is anonymised: {@code anon:} and the first 16 bytes of
 * HMAC-SHA256(key, plate) in hex, so the same vehicle keeps one pseudonym (repeat visits can still be counted) but
 * nobody without the key can go back to the plate, nor test a guessed plate against it. Without a key every plate
 * becomes {@value #UNLINKABLE}. The {@link Mac} is created once, on the thread that builds this object (provider
 * lookup reads the class path), and cloned per use.
 */
final class PlatePseudonyms {

    static final String PREFIX = "anon:";
    static final String UNLINKABLE = "anon";

    private final Mac prototype;

    PlatePseudonyms(String key) {
        if (key == null || key.isEmpty()) {
            this.prototype = null;
            return;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.doFinal(new byte[0]); // loads and proves the provider now
            this.prototype = mac;
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    String pseudonym(String plate) {
        if (prototype == null) {
            return UNLINKABLE;
        }
        try {
            Mac mac = (Mac) prototype.clone();
            byte[] digest = mac.doFinal(plate.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the HMAC provider cannot be cloned", e);
        }
    }

    /** Whether a stored plate is already a pseudonym. */
    static boolean isPseudonym(String plate) {
        return plate.equals(UNLINKABLE) || plate.startsWith(PREFIX);
    }
}
