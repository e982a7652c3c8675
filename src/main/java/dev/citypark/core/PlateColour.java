package dev.citypark.core;

import java.util.Locale;

/**
 * Background colour of a licence plate, as cameras and gate controllers report it: blue (ordinary small vehicles),
 * yellow (large vehicles, coaches), green (new-energy vehicles; the yellow-green large new-energy plate counts as
 * green), white (police, military) and black (foreign-owned, Hong Kong and Macau vehicles).
 */
public enum PlateColour {
    BLUE("蓝", "藍"),
    YELLOW("黄", "黃"),
    GREEN("绿", "綠"),
    WHITE("白", "白"),
    BLACK("黑", "黑");

    private final String simplified;
    private final String traditional;

    PlateColour(String simplified, String traditional) {
        this.simplified = simplified;
        this.traditional = traditional;
    }

    /**
     * Parses a colour name: the English name in any case ({@code blue}, {@code BLUE}), or the Chinese colour
     * character alone or followed by 色 or 牌 ({@code 蓝}, {@code 蓝色}, {@code 蓝牌}, traditional {@code 藍} too).
     * Surrounding whitespace is ignored. {@code 黄绿} (the large new-energy plate) is {@link #GREEN}.
     *
     * @throws InvalidValueException (field {@code plateColour}) otherwise
     */
    public static PlateColour parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("plateColour", "plateColour is required; accepted values are "
                    + accepted());
        }
        String wanted = text.strip();
        String english = wanted.toUpperCase(Locale.ROOT);
        String chinese = stripSuffix(stripSuffix(wanted, "牌"), "色");
        if (chinese.equals("黄绿") || chinese.equals("黃綠")) {
            return GREEN;
        }
        for (PlateColour colour : values()) {
            if (colour.name().equals(english) || colour.simplified.equals(chinese)
                    || colour.traditional.equals(chinese)) {
                return colour;
            }
        }
        throw new InvalidValueException("plateColour",
                "unknown plateColour; accepted values are " + accepted());
    }

    /** The Chinese colour name, e.g. {@code 蓝}. */
    public String chineseName() {
        return simplified;
    }

    private static String stripSuffix(String text, String suffix) {
        return text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
    }

    private static String accepted() {
        StringBuilder out = new StringBuilder();
        for (PlateColour colour : values()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(colour.name().toLowerCase(Locale.ROOT)).append('/').append(colour.simplified);
        }
        return out.toString();
    }
}
