package dev.citypark.analytics.query;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.citypark.core.InvalidValueException;

/**
 * A validated query window: {@code from < to}, at most {@code maxRange}, and with an interval at most
 * {@code maxPoints} points per series. Every refusal is an {@link InvalidValueException} naming the parameter (400).
 */
public record QueryRange(Instant from, Instant to, Interval interval) {

    /** The step of a series. */
    public enum Interval {
        FIVE_MINUTES("5m", Duration.ofMinutes(5)), HOUR("1h", Duration.ofHours(1)), DAY("1d", Duration.ofDays(1));

        public final String text;
        public final Duration step;

        Interval(String text, Duration step) {
            this.text = text;
            this.step = step;
        }

        public static Interval parse(String text) {
            for (Interval i : values()) {
                if (i.text.equals(text)) {
                    return i;
                }
            }
            throw new InvalidValueException("interval", "interval must be one of 5m, 1h, 1d, not '" + text + "'");
        }
    }

    /** What a series is grouped by. */
    public enum GroupBy {
        LOT, SEGMENT, DISTRICT, CATEGORY;

        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static GroupBy parse(String text, GroupBy... allowed) {
            for (GroupBy g : allowed) {
                if (g.text().equals(text)) {
                    return g;
                }
            }
            StringBuilder names = new StringBuilder();
            for (GroupBy g : allowed) {
                names.append(names.length() == 0 ? "" : ", ").append(g.text());
            }
            throw new InvalidValueException("groupBy", "groupBy must be one of " + names + ", not '" + text + "'");
        }
    }

    public static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        }
        catch (DateTimeParseException e) {
            throw new InvalidValueException(field, field + " must be an ISO-8601 instant such as "
                    + "2026-03-02T00:00:00Z, not '" + text + "'");
        }
    }

    /** Validates a window; {@code interval} null for answers that are not series. */
    public static QueryRange of(Instant from, Instant to, Interval interval, Duration maxRange, int maxPoints) {
        if (!from.isBefore(to)) {
            throw new InvalidValueException("from", "from must be before to");
        }
        Duration range = Duration.between(from, to);
        if (range.compareTo(maxRange) > 0) {
            throw new InvalidValueException("to", "the range may span at most " + maxRange.toDays() + " days");
        }
        if (interval != null) {
            long points = (range.toSeconds() + interval.step.toSeconds() - 1) / interval.step.toSeconds();
            if (points > maxPoints) {
                throw new InvalidValueException("interval", "interval " + interval.text + " gives " + points
                        + " points over this range, at most " + maxPoints + " are allowed; use a coarser interval");
            }
        }
        return new QueryRange(from, to, interval);
    }

    public double days() {
        return Duration.between(from, to).toSeconds() / 86_400.0;
    }
}
