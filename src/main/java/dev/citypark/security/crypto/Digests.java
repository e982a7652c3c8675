package dev.citypark.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The few primitives security needs, all from the JDK: SHA-256, HMAC-SHA256, constant-time comparison and random
 * secrets. Hashing is CPU-only and safe on event loops; {@link #randomToken(int)} reads the OS entropy source and
 * must run on a worker ({@code Schedulers.boundedElastic()}).
 */
public final class Digests {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEY_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private Digests() {
    }

    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Compares two secrets in time independent of where they differ (and of their lengths: both are hashed). */
    public static boolean secretsEqual(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    /** Constant-time comparison of two digests. */
    public static boolean digestsEqual(byte[] a, byte[] b) {
        return a != null && b != null && MessageDigest.isEqual(a, b);
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** A random URL-safe secret of {@code bytes} random bytes. Blocking (OS entropy): call on a worker thread. */
    public static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A random key id: {@code k} and 15 unambiguous lower-case letters and digits (75 bits). Blocking, as above. */
    public static String randomKeyId() {
        StringBuilder id = new StringBuilder("k");
        for (int i = 0; i < 15; i++) {
            id.append(KEY_ID_ALPHABET[RANDOM.nextInt(KEY_ID_ALPHABET.length)]);
        }
        return id.toString();
    }
}
