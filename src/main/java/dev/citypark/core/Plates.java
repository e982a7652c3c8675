package dev.citypark.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding plates in free text, for masking log messages and other text that may carry them.
 */
public final class Plates {

    private static final String SEPARATOR = "[\\s\\u00A0\\u3000\\u00B7\\u2027\\u2022\\u22C5\\u30FB\\uFF65"
            + "\\-\\u2010-\\u2015\\u2212\\uFF0D]";
    private static final String LETTER = "[A-Za-z\\uFF21-\\uFF3A\\uFF41-\\uFF5A]";
    private static final String LETTER_OR_DIGIT = "[A-Za-z0-9\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A]";

    /**
     * Plate-like: a province abbreviation, up to two separators, a letter, up to two separators, four to six letters
     * or digits (half- or full-width, any case), optionally a special suffix. Deliberately looser than
     * {@link Plate#of(String)} (letters I and O, wrong energy letters and so on still match) so that a malformed plate
     * is masked too.
     */
    private static final Pattern PLATE_LIKE = Pattern.compile("[" + PlateText.PROVINCES + "]" + SEPARATOR + "{0,2}"
            + LETTER + SEPARATOR + "{0,2}" + LETTER_OR_DIGIT + "{4,6}[" + PlateText.SUFFIXES + "]?");

    private Plates() {
    }

    /**
     * Replaces every plate-like substring of {@code text} with its masked form (e.g. {@code 车辆 鲁B 12345 入场} becomes
     * {@code 车辆 鲁B·***45 入场}); everything else is left as it is. Idempotent: masked forms are not plate-like.
     *
     * @return the masked text, or {@code null} for {@code null}
     */
    public static String maskAll(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLATE_LIKE.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String masked = PlateText.mask(PlateText.normalise(matcher.group()));
            matcher.appendReplacement(out, Matcher.quoteReplacement(masked));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether {@code text} contains anything {@link #maskAll(String)} would mask. */
    public static boolean containsPlateLike(String text) {
        return text != null && PLATE_LIKE.matcher(text).find();
    }
}
