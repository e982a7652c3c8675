package dev.citypark.availability.live;

import java.time.Instant;

/**
 * A bay's stored state, as the apply script writes it: {@code occupied|sinceMs|observedAtMs|sequence|category|resent}.
 */
record BayReading(boolean occupied, Instant since, Instant observedAt, long sequence, int categoryIndex,
                  boolean resent) {

    /** Parses without regex or substrings: a search parses every bay of every sensed candidate. */
    static BayReading parse(String value) {
        int[] bars = new int[5];
        int found = 0;
        for (int i = value.indexOf('|'); i >= 0 && found < 5; i = value.indexOf('|', i + 1)) {
            bars[found++] = i;
        }
        if (found < 5) {
            throw new IllegalStateException("malformed bay state in Redis: " + value);
        }
        int end = value.indexOf('|', bars[4] + 1);
        if (end < 0) {
            end = value.length();
        }
        try {
            return new BayReading(bars[0] == 1 && value.charAt(0) == '1',
                    Instant.ofEpochMilli(Long.parseLong(value, bars[0] + 1, bars[1], 10)),
                    Instant.ofEpochMilli(Long.parseLong(value, bars[1] + 1, bars[2], 10)),
                    Long.parseLong(value, bars[2] + 1, bars[3], 10),
                    Integer.parseInt(value, bars[3] + 1, bars[4], 10),
                    end == bars[4] + 2 && value.charAt(bars[4] + 1) == '1');
        }
        catch (NumberFormatException e) {
            throw new IllegalStateException("malformed bay state in Redis: " + value, e);
        }
    }
}
