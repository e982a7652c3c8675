package dev.citypark.opendata;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import ch.poole.openinghoursparser.OpeningHoursParseException;
import ch.poole.openinghoursparser.OpeningHoursParser;
import ch.poole.openinghoursparser.Rule;
import ch.poole.openinghoursparser.TimeSpan;
import ch.poole.openinghoursparser.WeekDay;
import ch.poole.openinghoursparser.WeekDayRange;

/**
 * A lot's OSM {@code opening_hours} as the exports need it: either open at all times, or a list of weekly rules
 * (days of the week with time spans) when the text uses nothing else, or "not representable" (dates, holidays,
 * week numbers, comments, sunrise/sunset, off/unknown modifiers...), in which case exports fall back to the raw
 * text or leave the hours out. Parsed once per registry snapshot.
 *
 * @param osm    the original text
 * @param always open 24/7
 * @param weekly the weekly rules; empty when {@code always} or not representable
 */
record OpeningHours(String osm, boolean always, List<WeeklyRule> weekly) {

    private static final List<DayOfWeek> WEEK = List.of(DayOfWeek.values());

    OpeningHours {
        weekly = List.copyOf(weekly);
    }

    /** Whether the hours can be stated as "always open" or as weekly rules. */
    boolean representable() {
        return always || !weekly.isEmpty();
    }

    static OpeningHours parse(String osm) {
        List<Rule> rules;
        try {
            rules = new OpeningHoursParser(new ByteArrayInputStream(osm.getBytes(StandardCharsets.UTF_8)))
                    .rules(true);
        }
        catch (OpeningHoursParseException | RuntimeException e) {
            return new OpeningHours(osm, false, List.of());
        }
        List<WeeklyRule> weekly = new ArrayList<>();
        for (Rule rule : rules) {
            Optional<WeeklyRule> converted = convert(rule);
            if (converted.isEmpty()) {
                return new OpeningHours(osm, false, List.of());
            }
            weekly.add(converted.get());
        }
        if (weekly.size() == 1 && weekly.get(0).isAlways()) {
            return new OpeningHours(osm, true, List.of());
        }
        return new OpeningHours(osm, false, weekly);
    }

    private static Optional<WeeklyRule> convert(Rule rule) {
        if (rule.isFallBack() || rule.isAdditive() || rule.getComment() != null || rule.getModifier() != null
                || !empty(rule.getYears()) || !empty(rule.getWeeks()) || !empty(rule.getDates())
                || !empty(rule.getHolidays())) {
            return Optional.empty();
        }
        if (rule.isTwentyfourseven()) {
            return Optional.of(new WeeklyRule(EnumSet.allOf(DayOfWeek.class), List.of(Span.ALL_DAY)));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (empty(rule.getDays())) {
            days.addAll(WEEK);
        }
        else {
            for (WeekDayRange range : rule.getDays()) {
                if (!empty(range.getNths())) {
                    return Optional.empty();
                }
                DayOfWeek start = day(range.getStartDay());
                DayOfWeek end = range.getEndDay() == null ? start : day(range.getEndDay());
                for (DayOfWeek d = start; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == end) {
                        break;
                    }
                }
            }
        }
        List<Span> spans = new ArrayList<>();
        if (empty(rule.getTimes())) {
            spans.add(Span.ALL_DAY);
        }
        else {
            for (TimeSpan time : rule.getTimes()) {
                if (time.getStartEvent() != null || time.getEndEvent() != null || time.isOpenEnded()
                        || time.getInterval() > 0 || time.getStart() < 0 || time.getEnd() == TimeSpan.UNDEFINED_TIME
                        || time.getEnd() > 48 * 60) {
                    return Optional.empty();
                }
                spans.add(new Span(time.getStart(), time.getEnd()));
            }
        }
        return Optional.of(new WeeklyRule(days, spans));
    }

    private static boolean empty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static DayOfWeek day(WeekDay day) {
        return WEEK.get(day.ordinal());
    }

    /** The hours in schema.org {@code openingHours} syntax ("Mo-Su", "Mo-Fr 07:00-22:00, Sa-Su 08:00-20:00"). */
    String schemaOrg() {
        if (always) {
            return "Mo-Su";
        }
        if (weekly.isEmpty()) {
            return osm;
        }
        return weekly.stream().map(WeeklyRule::schemaOrg).collect(Collectors.joining(", "));
    }

    /**
     * Days of the week with the time spans open on them.
     *
     * @param days  the days, at least one
     * @param spans the spans, at least one
     */
    record WeeklyRule(Set<DayOfWeek> days, List<Span> spans) {

        WeeklyRule {
            days = Set.copyOf(EnumSet.copyOf(days));
            spans = List.copyOf(spans);
        }

        boolean isAlways() {
            return days.size() == 7 && spans.size() == 1 && spans.get(0).equals(Span.ALL_DAY);
        }

        /** The days in week order. */
        List<DayOfWeek> sortedDays() {
            return WEEK.stream().filter(days::contains).toList();
        }

        String schemaOrg() {
            String dayText = dayRanges(sortedDays());
            if (spans.size() == 1 && spans.get(0).equals(Span.ALL_DAY)) {
                return dayText;
            }
            return spans.stream().map(s -> dayText + " " + s.text()).collect(Collectors.joining(", "));
        }

        private static String dayRanges(List<DayOfWeek> days) {
            List<String> parts = new ArrayList<>();
            int i = 0;
            while (i < days.size()) {
                int j = i;
                while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
                    j++;
                }
                parts.add(j == i ? abbreviation(days.get(i))
                        : abbreviation(days.get(i)) + "-" + abbreviation(days.get(j)));
                i = j + 1;
            }
            return String.join(",", parts);
        }

        private static String abbreviation(DayOfWeek day) {
            String name = day.name();
            return name.charAt(0) + name.substring(1, 2).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A time span of one day in minutes since midnight; {@code endMinute} up to 48 h (OSM's extended times run past
     * midnight, e.g. 22:00-26:00).
     */
    record Span(int startMinute, int endMinute) {

        static final Span ALL_DAY = new Span(0, 24 * 60);

        LocalTime start() {
            return LocalTime.of((startMinute / 60) % 24, startMinute % 60);
        }

        /** The end as a time of day; midnight (or past it) wraps, as DATEX II periods crossing midnight do. */
        LocalTime end() {
            return LocalTime.of((endMinute / 60) % 24, endMinute % 60);
        }

        /** {@code HH:mm-HH:mm}; an end past midnight wraps ("18:00-02:00"), the whole day is "00:00-24:00". */
        String text() {
            return hhmm(startMinute) + "-" + (endMinute == 24 * 60 ? "24:00" : hhmm(endMinute));
        }

        private static String hhmm(int minutes) {
            return String.format(java.util.Locale.ROOT, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
        }
    }
}
