package dev.citypark.analytics.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.analytics.history.BucketMath;
import dev.citypark.analytics.query.QueryRange.GroupBy;
import dev.citypark.analytics.query.QueryRange.Interval;
import dev.citypark.core.LotId;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The bureau's read queries over the history and the session facts. Each is one SQL statement; names and capacities
 * come from the registry snapshot. Non-blocking.
 */
@Component
public class AnalyticsQueries {

    private final DatabaseClient db;
    private final Registry registry;

    public AnalyticsQueries(DatabaseClient db, Registry registry) {
        this.db = db;
        this.registry = registry;
    }

    /** One row of a utilization series as the database sums it. */
    public record Sums(String key, Instant start, double known, double occupied, double unknown, long max) {
    }

    private static String groupColumn(GroupBy groupBy) {
        return switch (groupBy) {
            case LOT, SEGMENT -> "place_id";
            case DISTRICT -> "district_code";
            case CATEGORY -> "category";
        };
    }

    private static String kindFilter(GroupBy groupBy) {
        return switch (groupBy) {
            case LOT -> " AND kind = 'LOT'";
            case SEGMENT -> " AND kind = 'SEGMENT'";
            default -> "";
        };
    }

    /** The SQL of a utilization query (5m and 1h from the 5-minute buckets, 1d from the daily roll-up). */
    public static String utilizationSql(GroupBy groupBy, Interval interval, boolean keyFilter) {
        String key = groupColumn(groupBy);
        String filter = kindFilter(groupBy) + (keyFilter ? " AND " + key + " = ANY(:keys)" : "");
        if (interval == Interval.DAY) {
            return "WITH b AS (SELECT " + key + " AS k, day, sum(known_ss) AS kn, sum(occupied_ss) AS oc, "
                    + "sum(unknown_ss) AS un, sum(max_occupied) AS mx FROM analytics_occupancy_daily "
                    + "WHERE day >= :fromDay AND day < :toDay" + filter + " GROUP BY 1, 2) "
                    + "SELECT k, (day::timestamp AT TIME ZONE 'Asia/Shanghai') AS start, kn, oc, un, mx FROM b "
                    + "ORDER BY k, start";
        }
        String bin = interval == Interval.HOUR
                ? "date_trunc('hour', bucket_start)"
                : "bucket_start";
        return "WITH b AS (SELECT " + key + " AS k, bucket_start, sum(known_ss) AS kn, sum(occupied_ss) AS oc, "
                + "sum(unknown_ss) AS un, sum(max_occupied) AS mx FROM analytics_occupancy_5m "
                + "WHERE bucket_start >= :from AND bucket_start < :to" + filter + " GROUP BY 1, 2) "
                + "SELECT k, " + bin + " AS start, sum(kn) AS kn, sum(oc) AS oc, sum(un) AS un, max(mx) AS mx "
                + "FROM b GROUP BY 1, 2 ORDER BY 1, 2";
    }

    /** The same answer as {@link #utilizationSql} for 1d, computed from the raw 5-minute buckets (the peer). */
    public static String utilizationFromBucketsSql(GroupBy groupBy) {
        String key = groupColumn(groupBy);
        return "WITH b AS (SELECT " + key + " AS k, (bucket_start AT TIME ZONE 'Asia/Shanghai')::date AS day, "
                + "place_id, category, sum(known_ss) AS kn, sum(occupied_ss) AS oc, sum(unknown_ss) AS un, "
                + "max(max_occupied) AS mx FROM analytics_occupancy_5m WHERE bucket_start >= :from "
                + "AND bucket_start < :to" + kindFilter(groupBy) + " GROUP BY 1, 2, 3, 4) "
                + "SELECT k, (day::timestamp AT TIME ZONE 'Asia/Shanghai') AS start, sum(kn) AS kn, sum(oc) AS oc, "
                + "sum(un) AS un, sum(mx) AS mx FROM b GROUP BY k, day ORDER BY 1, 2";
    }

    public Mono<Utilization> utilization(GroupBy groupBy, QueryRange range, List<String> keys) {
        return utilizationRows(groupBy, range, keys).collectList().map(rows -> {
            RegistrySnapshot city = registry.snapshot();
            Map<String, List<Utilization.Point>> byKey = new LinkedHashMap<>();
            Map<String, Long> capacities = new LinkedHashMap<>();
            for (Sums s : rows) {
                long capacity = capacities.computeIfAbsent(s.key(), k -> capacity(city, groupBy, k));
                byKey.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(point(s, capacity));
            }
            List<Utilization.Series> series = new ArrayList<>(byKey.size());
            byKey.forEach((key, points) -> series.add(new Utilization.Series(key, name(city, groupBy, key),
                    capacities.get(key), points)));
            return new Utilization(groupBy.text(), range.interval().text, range.from(), range.to(), series);
        });
    }

    /** The rows of a utilization answer, streamed in key then time order (CSV streams them). */
    public Flux<Sums> utilizationRows(GroupBy groupBy, QueryRange range, List<String> keys) {
        boolean filtered = keys != null && !keys.isEmpty();
        DatabaseClient.GenericExecuteSpec spec = db.sql(utilizationSql(groupBy, range.interval(), filtered));
        if (range.interval() == Interval.DAY) {
            spec = spec.bind("fromDay", firstDayStartingAtOrAfter(range.from()))
                    .bind("toDay", LocalDate.ofInstant(range.to(), BucketMath.LOCAL));
        }
        else {
            spec = spec.bind("from", alignUp(range.from(), range.interval()))
                    .bind("to", alignDown(range.to(), range.interval()));
        }
        if (filtered) {
            spec = spec.bind("keys", keys.toArray(String[]::new));
        }
        return spec.map(AnalyticsQueries::sums).all();
    }

    /** The CSV line of a row (the series' name and capacity from the registry). */
    public String csvLine(GroupBy groupBy, Sums s) {
        RegistrySnapshot city = registry.snapshot();
        long capacity = capacity(city, groupBy, s.key());
        Utilization.Point p = point(s, capacity);
        return Csv.line(s.key(), name(city, groupBy, s.key()), capacity, p.start(), p.occupancyRate(),
                p.meanOccupied(), p.maxOccupied(), p.staleShare());
    }

    static Sums sums(Readable row) {
        return new Sums(row.get("k", String.class), row.get("start", Instant.class), number(row, "kn"),
                number(row, "oc"), number(row, "un"), (long) number(row, "mx"));
    }

    static double number(Readable row, String column) {
        Number n = row.get(column, Number.class);
        return n == null ? 0 : n.doubleValue();
    }

    static Utilization.Point point(Sums s, long capacity) {
        Double rate = s.known() > 0 ? s.occupied() / s.known() : null;
        Double mean = rate == null ? null : Math.round(rate * capacity * 10) / 10.0;
        double all = s.known() + s.unknown();
        Double stale = all > 0 ? round4(s.unknown() / all) : null;
        return new Utilization.Point(s.start(), rate == null ? null : round4(rate), mean,
                (int) Math.min(Integer.MAX_VALUE, s.max()), stale);
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** The first step boundary at or after {@code t} (5-minute and hour boundaries are the same in UTC and UTC+8). */
    static Instant alignUp(Instant t, Interval interval) {
        Instant down = alignDown(t, interval);
        return down.equals(t) ? t : down.plus(interval.step);
    }

    static Instant alignDown(Instant t, Interval interval) {
        long step = interval.step.toSeconds();
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond(s - Math.floorMod(s, step));
    }

    static LocalDate firstDayStartingAtOrAfter(Instant t) {
        LocalDateTime local = LocalDateTime.ofInstant(t, BucketMath.LOCAL);
        LocalDate day = local.toLocalDate();
        return local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? day : day.plusDays(1);
    }

    static long capacity(RegistrySnapshot city, GroupBy groupBy, String key) {
        return switch (groupBy) {
            case LOT -> city.findLot(LotId.of(key)).map(l -> (long) l.capacity().total()).orElse(0L);
            case SEGMENT -> city.findSegment(SegmentId.of(key)).map(s -> (long) s.capacity().total()).orElse(0L);
            case DISTRICT -> city.findDistrictSummary(key).map(d -> d.totalSpaces()).orElse(0L);
            case CATEGORY -> categoryCapacity(city, key);
        };
    }

    private static long categoryCapacity(RegistrySnapshot city, String category) {
        SpaceCategory c;
        try {
            c = SpaceCategory.valueOf(category);
        }
        catch (IllegalArgumentException e) {
            return 0;
        }
        long total = 0;
        for (Lot lot : city.listLots(null, l -> true, null, Integer.MAX_VALUE)) {
            total += lot.capacity().count(c);
        }
        for (Segment segment : city.listSegments(null, s -> true, null, Integer.MAX_VALUE)) {
            total += segment.capacity().count(c);
        }
        return total;
    }

    static String name(RegistrySnapshot city, GroupBy groupBy, String key) {
        return switch (groupBy) {
            case LOT -> city.findLot(LotId.of(key)).map(Lot::name).orElse(key);
            case SEGMENT -> city.findSegment(SegmentId.of(key)).map(Segment::roadName).orElse(key);
            case DISTRICT -> city.findDistrict(key).map(d -> d.name()).orElse(key);
            case CATEGORY -> key;
        };
    }

    private static String sessionGroup(GroupBy groupBy) {
        return groupBy == GroupBy.DISTRICT ? "district_code" : "place_id";
    }

    private static String sessionKind(GroupBy groupBy) {
        return switch (groupBy) {
            case LOT -> " AND place_kind = 'LOT'";
            case SEGMENT -> " AND place_kind = 'SEGMENT'";
            default -> "";
        };
    }

    /** Sessions that entered in the window per group, ÷ capacity ÷ days. */
    public Mono<Reports.Turnover> turnover(GroupBy groupBy, QueryRange range) {
        String key = sessionGroup(groupBy);
        return db.sql("SELECT " + key + " AS k, count(*) AS n FROM analytics_session WHERE entry_at >= :from "
                        + "AND entry_at < :to" + sessionKind(groupBy) + " GROUP BY 1 ORDER BY 1")
                .bind("from", range.from())
                .bind("to", range.to())
                .map(row -> new Object[] {row.get("k", String.class), (long) number(row, "n")})
                .all()
                .collectList()
                .map(rows -> {
                    RegistrySnapshot city = registry.snapshot();
                    List<Reports.TurnoverRow> result = new ArrayList<>();
                    for (Object[] r : rows) {
                        String k = (String) r[0];
                        long sessions = (Long) r[1];
                        long capacity = capacity(city, groupBy, k);
                        Double turnover = capacity == 0 ? null : round4(sessions / (capacity * range.days()));
                        result.add(new Reports.TurnoverRow(k, name(city, groupBy, k), capacity, sessions, turnover));
                    }
                    return new Reports.Turnover(groupBy.text(), range.from(), range.to(), range.days(), result);
                });
    }

    /** Mean, median and 90th percentile of the stays that ended in the window. */
    public Mono<Reports.Dwell> dwell(GroupBy groupBy, QueryRange range) {
        String key = sessionGroup(groupBy);
        return db.sql("SELECT " + key + " AS k, count(*) AS n, avg(duration_seconds) AS mean, "
                        + "percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_seconds) AS median, "
                        + "percentile_cont(0.9) WITHIN GROUP (ORDER BY duration_seconds) AS p90 "
                        + "FROM analytics_session WHERE exit_at >= :from AND exit_at < :to "
                        + "AND duration_seconds IS NOT NULL" + sessionKind(groupBy) + " GROUP BY 1 ORDER BY 1")
                .bind("from", range.from())
                .bind("to", range.to())
                .map(row -> new Reports.DwellRow(row.get("k", String.class), null, (long) number(row, "n"),
                        minutes(number(row, "mean")), minutes(number(row, "median")), minutes(number(row, "p90"))))
                .all()
                .collectList()
                .map(rows -> {
                    RegistrySnapshot city = registry.snapshot();
                    return new Reports.Dwell(groupBy.text(), range.from(), range.to(), rows.stream()
                            .map(r -> new Reports.DwellRow(r.key(), name(city, groupBy, r.key()), r.sessions(),
                                    r.meanMinutes(), r.medianMinutes(), r.p90Minutes()))
                            .toList());
                });
    }

    private static double minutes(double seconds) {
        return Math.round(seconds / 60.0 * 100) / 100.0;
    }

    private static final String[] DAYS = {"", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY"};

    /** Per group and local weekday, the local hour with the highest mean occupancy rate. */
    public Mono<Reports.Peaks> peaks(GroupBy groupBy, QueryRange range) {
        String key = groupColumn(groupBy);
        return db.sql("WITH h AS (SELECT " + key + " AS k, "
                        + "extract(isodow FROM bucket_start AT TIME ZONE 'Asia/Shanghai')::int AS dow, "
                        + "extract(hour FROM bucket_start AT TIME ZONE 'Asia/Shanghai')::int AS hour, "
                        + "sum(occupied_ss) / nullif(sum(known_ss), 0) AS rate FROM analytics_occupancy_5m "
                        + "WHERE bucket_start >= :from AND bucket_start < :to" + kindFilter(groupBy)
                        + " GROUP BY 1, 2, 3) "
                        + "SELECT DISTINCT ON (k, dow) k, dow, hour, rate FROM h WHERE rate IS NOT NULL "
                        + "ORDER BY k, dow, rate DESC, hour")
                .bind("from", range.from())
                .bind("to", range.to())
                .map(row -> new Object[] {row.get("k", String.class), (int) number(row, "dow"),
                        (int) number(row, "hour"), number(row, "rate")})
                .all()
                .collectList()
                .map(rows -> {
                    RegistrySnapshot city = registry.snapshot();
                    Map<String, List<Reports.WeekdayPeak>> byKey = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        int dow = (Integer) r[1];
                        byKey.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(
                                new Reports.WeekdayPeak(dow, DAYS[dow], (Integer) r[2], round4((Double) r[3])));
                    }
                    List<Reports.PeakRow> result = new ArrayList<>();
                    byKey.forEach((k, days) -> result.add(new Reports.PeakRow(k, name(city, groupBy, k), days)));
                    return new Reports.Peaks(groupBy.text(), range.from(), range.to(), result);
                });
    }

    static Instant utc(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
