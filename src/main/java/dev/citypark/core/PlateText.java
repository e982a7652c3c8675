package dev.citypark.core;

import java.text.Normalizer;

/**
 * Character rules shared by {@link Plate} and {@link Plates}: normalisation of how people and cameras write plates,
 * and the masked form that may appear in logs and error messages.
 */
final class PlateText {

    /** The 31 province-level abbreviations used as the first plate character. */
    static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    /** Special last characters standing in for the fifth serial character. */
    static final String SUFFIXES = "学警挂领港澳";

    /** Separators people write inside plates: middle dots, hyphens and dashes (whitespace is handled apart). */
    static final String SEPARATORS = "\u00B7\u2027\u2022\u22C5\u30FB" // · ‧ • ⋅ ・
            + "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"; // - ‐ ‑ ‒ – — ― −

    private PlateText() {
    }

    /**
     * NFKC (full-width to half-width), separators and whitespace removed, ASCII letters upper-cased. Nothing else is
     * mapped: a Cyrillic or Greek look-alike stays what it is and is refused later.
     */
    static String normalise(String raw) {
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || SEPARATORS.indexOf(cp) >= 0) {
                return;
            }
            out.appendCodePoint(cp >= 'a' && cp <= 'z' ? cp - ('a' - 'A') : cp);
        });
        return out.toString();
    }

    static boolean isProvince(int cp) {
        return cp < 0x10000 && PROVINCES.indexOf(cp) >= 0;
    }

    static boolean isSuffix(int cp) {
        return cp < 0x10000 && SUFFIXES.indexOf(cp) >= 0;
    }

    static boolean isUpperAscii(int cp) {
        return cp >= 'A' && cp <= 'Z';
    }

    static boolean isDigit(int cp) {
        return cp >= '0' && cp <= '9';
    }

    /** A letter or digit that may appear in a serial: A-Z without I and O, or 0-9. */
    static boolean isSerialChar(int cp) {
        return isDigit(cp) || isUpperAscii(cp) && cp != 'I' && cp != 'O';
    }

    /**
     * The masked form of a normalised plate-like text: first two characters, a middle dot, an asterisk per hidden
     * character, the last two characters, e.g. {@code 鲁B·***45}. Characters outside the plate alphabet are shown as
     * {@code ?} so a mask never carries control or look-alike characters into a log; texts of four characters or
     * fewer are all asterisks.
     */
    static String mask(String normalised) {
        int[] cps = normalised.codePoints().toArray();
        int n = cps.length;
        if (n <= 4) {
            return "*".repeat(n);
        }
        StringBuilder out = new StringBuilder(n + 1);
        out.appendCodePoint(shown(cps[0])).appendCodePoint(shown(cps[1])).append('·');
        out.append("*".repeat(Math.min(n - 4, 8)));
        out.appendCodePoint(shown(cps[n - 2])).appendCodePoint(shown(cps[n - 1]));
        return out.toString();
    }

    private static int shown(int cp) {
        return isProvince(cp) || isSuffix(cp) || isUpperAscii(cp) || isDigit(cp) ? cp : '?';
    }
}
