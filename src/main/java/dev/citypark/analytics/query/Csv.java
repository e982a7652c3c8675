package dev.citypark.analytics.query;

import java.util.Locale;
import java.util.StringJoiner;

/** RFC 4180 CSV lines: comma separated, CRLF, fields with a comma, quote or line break quoted, null empty. */
public final class Csv {

    private Csv() {
    }

    public static String line(Object... fields) {
        StringJoiner line = new StringJoiner(",", "", "\r\n");
        for (Object field : fields) {
            line.add(field(field));
        }
        return line.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Double d ? String.format(Locale.ROOT, "%s", d) : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
