package dev.citypark.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.citypark.CityparkApplication;
import dev.citypark.analytics.query.AnalyticsQueries;
import dev.citypark.analytics.query.QueryRange.GroupBy;
import dev.citypark.analytics.query.QueryRange.Interval;
import dev.citypark.embedded.EmbeddedServersConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The month-over-300,000-spaces analytics benchmark (BENCHMARKS.md, "Analytics: a month by district"; run with
 * {@code bench/analytics-month.sh}). Starts citypark on its embedded servers, bulk-generates a month of 5-minute
 * buckets for every lot and segment of the committed city (300,000 spaces) with {@code generate_series} straight
 * into PostgreSQL, builds the daily and monthly roll-ups from them with SQL, then times
 * {@code GET /api/v1/analytics/utilization?groupBy=district&interval=1d} over the month (HTTP, the daily roll-up)
 * against the peer: the same answer computed from the raw 5-minute buckets. Both answers are compared.
 * Options: {@code --days=31 --runs=3 --out=target/bench/analytics-month.md}.
 */
public final class AnalyticsMonthBenchmark {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

    private AnalyticsMonthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int days = Integer.parseInt(options.getOrDefault("days", "31"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        Path out = Path.of(options.getOrDefault("out", "target/bench/analytics-month.md"));
        String loadBefore = loadAverage();
        ConfigurableApplicationContext context = SpringApplication.from(CityparkApplication::main)
                .with(EmbeddedServersConfiguration.class)
                .withAdditionalProfiles("embedded")
                .run("--server.port=0", "--citypark.analytics.consumer.enabled=false",
                        "--citypark.analytics.forecast.enabled=false", "--logging.level.root=WARN",
                        "--logging.level.dev.citypark=WARN")
                .getApplicationContext();
        StringBuilder report = new StringBuilder();
        try {
            DatabaseClient db = context.getBean(DatabaseClient.class);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            LocalDate firstDay = LocalDate.now(LOCAL).withDayOfMonth(1).minusMonths(1);
            Instant from = firstDay.atStartOfDay(LOCAL).toInstant();
            Instant to = firstDay.plusDays(days).atStartOfDay(LOCAL).toInstant();

            long places = db.sql("SELECT (SELECT count(*) FROM lot) + (SELECT count(*) FROM segment) AS n")
                    .map(r -> r.get("n", Long.class)).one().block();
            long spaces = db.sql("SELECT (SELECT sum(capacity_total) FROM lot) + (SELECT sum(bay_count) FROM segment) "
                    + "AS n").map(r -> r.get("n", Number.class).longValue()).one().block();
            System.out.printf(Locale.ROOT, "Generating %d days of 5-minute buckets for %,d places (%,d spaces)%n",
                    days, places, spaces);
            long t0 = System.nanoTime();
            for (int d = 0; d < days; d++) {
                Instant dayStart = firstDay.plusDays(d).atStartOfDay(LOCAL).toInstant();
                db.sql(GENERATE).bind("from", dayStart).bind("to", dayStart.plus(Duration.ofDays(1)))
                        .then().block(Duration.ofHours(1));
                System.out.printf(Locale.ROOT, "  day %d/%d%n", d + 1, days);
            }
            double generateSeconds = (System.nanoTime() - t0) / 1e9;
            long rows = db.sql("SELECT count(*) AS n FROM analytics_occupancy_5m WHERE bucket_start >= :from "
                    + "AND bucket_start < :to").bind("from", from).bind("to", to)
                    .map(r -> r.get("n", Long.class)).one().block(Duration.ofHours(1));
            long t1 = System.nanoTime();
            db.sql(ROLL_UP_DAILY).bind("from", from).bind("to", to).then().block(Duration.ofHours(1));
            db.sql(ROLL_UP_MONTHLY).bind("from", firstDay).bind("to", firstDay.plusDays(days))
                    .then().block(Duration.ofHours(1));
            double rollUpSeconds = (System.nanoTime() - t1) / 1e9;
            db.sql("ANALYZE analytics_occupancy_5m").then().block(Duration.ofHours(1));
            db.sql("ANALYZE analytics_occupancy_daily").then().block(Duration.ofHours(1));
            String size = db.sql("SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) AS s FROM pg_class c "
                            + "JOIN pg_inherits i ON i.inhrelid = c.oid "
                            + "WHERE i.inhparent = 'analytics_occupancy_5m'::regclass")
                    .map(r -> r.get("s", String.class)).one().block();

            WebClient web = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                    .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
            @SuppressWarnings("unchecked")
            String token = (String) web.post().uri("/api/v1/auth/service-token").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("clientId", "bureau-dev", "clientSecret", "local-dev-bureau-secret"))
                    .retrieve().bodyToMono(Map.class).block().get("accessToken");
            String uri = "/api/v1/analytics/utilization?groupBy=district&interval=1d&from=" + from + "&to=" + to;

            List<Double> api = new ArrayList<>();
            List<Double> rollUpSql = new ArrayList<>();
            List<Double> peer = new ArrayList<>();
            Map<?, ?> answer = null;
            List<double[]> peerAnswer = null;
            List<double[]> rollUpAnswer = null;
            for (int run = 0; run <= runs; run++) { // run 0 warms up
                long a = System.nanoTime();
                answer = web.get().uri(uri).header("Authorization", "Bearer " + token).retrieve()
                        .bodyToMono(Map.class).block(Duration.ofMinutes(10));
                double apiSeconds = (System.nanoTime() - a) / 1e9;
                long b = System.nanoTime();
                rollUpAnswer = query(db, AnalyticsQueries.utilizationSql(GroupBy.DISTRICT, Interval.DAY, false),
                        firstDay, firstDay.plusDays(days), from, to);
                double rollUpSeconds2 = (System.nanoTime() - b) / 1e9;
                long c = System.nanoTime();
                peerAnswer = query(db, AnalyticsQueries.utilizationFromBucketsSql(GroupBy.DISTRICT), firstDay,
                        firstDay.plusDays(days), from, to);
                double peerSeconds = (System.nanoTime() - c) / 1e9;
                if (run > 0) {
                    api.add(apiSeconds);
                    rollUpSql.add(rollUpSeconds2);
                    peer.add(peerSeconds);
                }
                System.out.printf(Locale.ROOT, "  run %d: API %.3f s, roll-up SQL %.3f s, peer %.3f s%n", run,
                        apiSeconds, rollUpSeconds2, peerSeconds);
            }
            boolean same = sameAnswer(rollUpAnswer, peerAnswer);
            int series = ((List<?>) answer.get("series")).size();

            report.append(machine(loadBefore));
            report.append(String.format(Locale.ROOT, "%nData: %d days (%s to %s, Asia/Shanghai) of 5-minute buckets "
                    + "for %,d places (%,d spaces) = **%,d rows** (%s with indexes, monthly partitions), generated in "
                    + "%.0f s; daily and monthly roll-ups built from them in %.0f s.%n", days, firstDay,
                    firstDay.plusDays(days - 1), places, spaces, rows, size, generateSeconds, rollUpSeconds));
            report.append(String.format(Locale.ROOT, "%n| Query (%d districts × %d days) | median | max |%n|---|---|---|%n",
                    series, days));
            report.append(String.format(Locale.ROOT, "| `GET /api/v1/analytics/utilization?groupBy=district&interval=1d` "
                    + "(HTTP, daily roll-up) | **%.3f s** | %.3f s |%n", median(api), Collections.max(api)));
            report.append(String.format(Locale.ROOT, "| its SQL alone (daily roll-up) | %.3f s | %.3f s |%n",
                    median(rollUpSql), Collections.max(rollUpSql)));
            report.append(String.format(Locale.ROOT, "| peer: the same answer from the raw 5-minute buckets (SQL) | "
                    + "%.3f s | %.3f s |%n", median(peer), Collections.max(peer)));
            report.append(String.format(Locale.ROOT, "| peer ÷ API | %.0f× | |%n", median(peer) / median(api)));
            report.append(String.format(Locale.ROOT, "%nGoal ≤ 2 s: **%s**. Roll-up and peer answers identical "
                    + "(rates within 1e-9): **%s**. %d timed runs after one warm-up.%n",
                    median(api) <= 2 ? "met" : "not met", same ? "yes" : "NO", runs));
            report.append(String.format(Locale.ROOT, "%nLoad average before / after: %s / %s%n", loadBefore,
                    loadAverage()));
        }
        finally {
            context.close();
        }
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.exit(0);
    }

    private static final String GENERATE = """
            INSERT INTO analytics_occupancy_5m (bucket_start, place_id, category, kind, operator_id, district_code,
                capacity, known_ss, occupied_ss, unknown_ss, max_occupied, samples)
            SELECT b, p.id, 'GENERAL', p.kind, p.op, p.d, p.cap,
                   CASE WHEN x.stale THEN 0 ELSE p.cap * 300.0 END,
                   CASE WHEN x.stale THEN 0 ELSE p.cap * 300.0 * x.f END,
                   CASE WHEN x.stale THEN p.cap * 300.0 ELSE 0 END,
                   CASE WHEN x.stale THEN 0 ELSE ceil(p.cap * x.f)::int END, 1
            FROM (SELECT id, 'LOT' AS kind, operator_id AS op, district_code AS d, capacity_total AS cap FROM lot
                  UNION ALL
                  SELECT id, 'SEGMENT', operator_id, district_code, bay_count FROM segment) p
            CROSS JOIN generate_series(CAST(:from AS timestamptz), CAST(:to AS timestamptz) - interval '5 minutes',
                                       interval '5 minutes') AS b
            CROSS JOIN LATERAL (SELECT
                least(1.0, greatest(0.0, 0.5 + 0.4 * sin(2 * pi() * (extract(hour FROM b AT TIME ZONE 'Asia/Shanghai')
                    - 8) / 24) + ((abs(hashtext(p.id)) % 21) - 10) / 100.0)) AS f,
                (abs(hashtext(p.id || extract(epoch FROM b)::bigint)) % 50) = 0 AS stale) x
            """;

    private static final String ROLL_UP_DAILY = """
            INSERT INTO analytics_occupancy_daily (day, place_id, category, kind, operator_id, district_code, capacity,
                known_ss, occupied_ss, unknown_ss, max_occupied, samples)
            SELECT (bucket_start AT TIME ZONE 'Asia/Shanghai')::date, place_id, category, min(kind), min(operator_id),
                   min(district_code), max(capacity), sum(known_ss), sum(occupied_ss), sum(unknown_ss),
                   max(max_occupied), sum(samples)
            FROM analytics_occupancy_5m WHERE bucket_start >= :from AND bucket_start < :to
            GROUP BY 1, 2, 3
            ON CONFLICT DO NOTHING
            """;

    private static final String ROLL_UP_MONTHLY = """
            INSERT INTO analytics_occupancy_monthly (month, place_id, category, kind, operator_id, district_code,
                capacity, known_ss, occupied_ss, unknown_ss, max_occupied, samples)
            SELECT date_trunc('month', day)::date, place_id, category, min(kind), min(operator_id), min(district_code),
                   max(capacity), sum(known_ss), sum(occupied_ss), sum(unknown_ss), max(max_occupied), sum(samples)
            FROM analytics_occupancy_daily WHERE day >= :from AND day < :to
            GROUP BY 1, 2, 3
            ON CONFLICT DO NOTHING
            """;

    /** Rows as {known, occupied, unknown, max}, in key and time order. */
    private static List<double[]> query(DatabaseClient db, String sql, LocalDate fromDay, LocalDate toDay,
            Instant from, Instant to) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        spec = sql.contains(":fromDay") ? spec.bind("fromDay", fromDay).bind("toDay", toDay)
                : spec.bind("from", from).bind("to", to);
        return spec.map(r -> new double[] {num(r.get("kn", Number.class)), num(r.get("oc", Number.class)),
                        num(r.get("un", Number.class)), num(r.get("mx", Number.class))})
                .all().collectList().block(Duration.ofMinutes(30));
    }

    private static double num(Number n) {
        return n == null ? 0 : n.doubleValue();
    }

    private static boolean sameAnswer(List<double[]> a, List<double[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            double ra = a.get(i)[0] == 0 ? 0 : a.get(i)[1] / a.get(i)[0];
            double rb = b.get(i)[0] == 0 ? 0 : b.get(i)[1] / b.get(i)[0];
            if (Math.abs(ra - rb) > 1e-9 || a.get(i)[3] != b.get(i)[3]) {
                return false;
            }
        }
        return true;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String machine(String load) {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Machine: %d CPUs, JVM max heap %d MB, %s %s, Java %s; embedded PostgreSQL "
                        + "16 (zonky, default settings); load average at start %s.%n", rt.availableProcessors(),
                rt.maxMemory() / (1024 * 1024), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), load);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (Exception e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }
}
