package dev.citypark.registry.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import dev.citypark.core.InvalidValueException;

/**
 * The opaque {@code cursor} of a paged list: where the previous page ended (the last id, pages are in id order) and
 * a fingerprint of the query it belongs to, so a cursor cannot silently be reused with other filters. Encoded as
 * unpadded base64url of {@code c1|<kind>|<fingerprint>|<lastId>}; clients must treat it as opaque.
 *
 * @param kind        what is paged, e.g. {@code lots}
 * @param fingerprint {@link #fingerprint(String)} of the normalised query
 * @param lastId      the id of the last item on the previous page
 */
record PageCursor(String kind, String fingerprint, String lastId) {

    private static final String VERSION = "c1";
    private static final int MAX_LENGTH = 256;

    String encode() {
        String raw = VERSION + "|" + kind + "|" + fingerprint + "|" + lastId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a cursor of {@code kind} issued for a query with {@code fingerprint}.
     *
     * @throws InvalidValueException (field {@code cursor}) when it is not a cursor, or one of another list or query
     */
    static PageCursor decode(String cursor, String kind, String fingerprint) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid("cursor is too long");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException e) {
            throw invalid("cursor is not a cursor issued by this API");
        }
        String[] parts = raw.split("\\|", 4);
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[3].isEmpty()) {
            throw invalid("cursor is not a cursor issued by this API");
        }
        if (!kind.equals(parts[1])) {
            throw invalid("cursor belongs to another list (" + parts[1] + "), not " + kind);
        }
        if (!fingerprint.equals(parts[2])) {
            throw invalid("cursor belongs to another query; repeat the original bbox, filters and crs with it");
        }
        return new PageCursor(parts[1], parts[2], parts[3]);
    }

    /** A short, stable fingerprint of a normalised query text. */
    static String fingerprint(String normalisedQuery) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalisedQuery.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static InvalidValueException invalid(String message) {
        return new InvalidValueException("cursor", message);
    }
}
