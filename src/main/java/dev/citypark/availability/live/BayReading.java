package dev.citypark.availability.live;

import java.time.Instant;

/**
 * A bay's stored state, as the apply script writes it: {@code occupied|sinceMs|observedAtMs|sequence|category|resent}.
 */
record BayReading(boolean occupied, Instant since, Instant observedAt, long sequence, int categoryIndex,
                  boolean resent) {

    static BayReading parse(String value) {
        String[] parts = value.split("\\|", -1);
        if (parts.length < 6) {
            throw new IllegalStateException("malformed bay state in Redis: " + value);
        }
        return new BayReading("1".equals(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1])),
                Instant.ofEpochMilli(Long.parseLong(parts[2])), Long.parseLong(parts[3]),
                Integer.parseInt(parts[4]), "1".equals(parts[5]));
    }
}
