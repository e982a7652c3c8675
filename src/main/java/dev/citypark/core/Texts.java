package dev.citypark.core;

/** How value objects quote rejected input in their error messages. */
final class Texts {

    private Texts() {
    }

    /**
     * The input in single quotes, cut to {@code maxCodePoints} code points (never splitting a surrogate pair) with an
     * ellipsis, control characters (CR, LF, ESC, …) replaced by {@code ?} so a message can't forge log lines;
     * {@code null} for null.
     */
    static String quoted(String value, int maxCodePoints) {
        if (value == null) {
            return "null";
        }
        boolean cut = value.codePointCount(0, value.length()) > maxCodePoints;
        String head = cut ? value.substring(0, value.offsetByCodePoints(0, maxCodePoints)) : value;
        StringBuilder shown = new StringBuilder(head.length() + 3).append('\'');
        head.codePoints().forEach(cp -> shown.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        if (cut) {
            shown.append('…');
        }
        return shown.append('\'').toString();
    }
}
