package dev.citypark.opendata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A finished export document, ready to send: its bytes, a strong entity tag derived from them, and when it was
 * built. The byte array is shared, not copied: callers must not modify it.
 *
 * @param body      the encoded document
 * @param etag      a quoted strong entity tag of the bytes, e.g. {@code "3f2a…"}
 * @param builtAt   when the document was produced
 */
public record Export(byte[] body, String etag, Instant builtAt) {

    public Export {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(builtAt, "builtAt");
    }

    /** The document with a strong entity tag made from the first 128 bits of the SHA-256 of its bytes. */
    public static Export of(byte[] body, Instant builtAt) {
        return new Export(body, strongEtag(body), builtAt);
    }

    /** A quoted strong entity tag of {@code body}: equal bytes, equal tag. */
    public static String strongEtag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
