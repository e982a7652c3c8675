package dev.citypark.session.persistence;

import java.time.Instant;
import java.util.Optional;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.Readable;

/** Small helpers for binding optional values and reading nullable columns. */
final class Sql {

    private Sql() {
    }

    /** A bind value that may be null, typed so PostgreSQL knows the parameter's type either way. */
    static Object nullable(Object value, Class<?> type) {
        return value == null ? Parameters.in(type) : Parameters.in(value);
    }

    static Object optional(Optional<?> value, Class<?> type) {
        return nullable(value.orElse(null), type);
    }

    static Optional<String> text(Readable row, String column) {
        return Optional.ofNullable(row.get(column, String.class));
    }

    static Optional<Instant> instant(Readable row, String column) {
        return Optional.ofNullable(row.get(column, Instant.class));
    }

    static String require(Readable row, String column) {
        String value = row.get(column, String.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value;
    }

    static Instant requireInstant(Readable row, String column) {
        Instant value = row.get(column, Instant.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value;
    }

    static long requireLong(Readable row, String column) {
        Long value = row.get(column, Long.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value;
    }
}
