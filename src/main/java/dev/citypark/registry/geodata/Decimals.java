package dev.citypark.registry.geodata;

/** Fixed, locale-free number formatting so that the same model always writes the same bytes. */
final class Decimals {

    private Decimals() {
    }

    /** Degrees with at most 7 decimals (about 1 cm), trailing zeros dropped: {@code 120.383}, {@code -0.5}. */
    static String degrees(double value) {
        return fixed(value, 7);
    }

    /** Metres with at most 2 decimals. */
    static String metres(double value) {
        return fixed(value, 2);
    }

    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = Math.round(value * scale);
        StringBuilder out = new StringBuilder(16);
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / scale);
        long fraction = scaled % scale;
        if (fraction != 0) {
            String digits = Long.toString(fraction);
            out.append('.');
            for (int i = digits.length(); i < decimals; i++) {
                out.append('0');
            }
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            out.append(digits, 0, end);
        }
        return out.toString();
    }
}
