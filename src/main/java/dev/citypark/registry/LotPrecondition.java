package dev.citypark.registry;

/**
 * The HTTP preconditions of an operator's lot write, checked against the stored lot inside the write's transaction.
 *
 * @param ifMatchVersion {@code If-Match: "<version>"}: the lot must exist at exactly this version, or null
 * @param ifMatchAny     {@code If-Match: *}: the lot must exist
 * @param ifNoneMatchAny {@code If-None-Match: *}: the lot must not exist (create only)
 */
public record LotPrecondition(Long ifMatchVersion, boolean ifMatchAny, boolean ifNoneMatchAny) {

    public static final LotPrecondition NONE = new LotPrecondition(null, false, false);

    boolean requiresExisting() {
        return ifMatchVersion != null || ifMatchAny;
    }
}
