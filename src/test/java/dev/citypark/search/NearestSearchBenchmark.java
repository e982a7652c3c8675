package dev.citypark.search;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.citypark.CityparkApplication;
import dev.citypark.availability.live.LiveStore;
import dev.citypark.availability.live.LiveUpdate;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.SensorId;
import dev.citypark.embedded.EmbeddedServers;
import dev.citypark.embedded.EmbeddedServersConfiguration;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.OccupancyValidator;
import dev.citypark.occupancy.ValidatedEvent;
import dev.citypark.registry.Bay;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoDataReader;
import io.lettuce.core.GeoArgs;
import io.lettuce.core.GeoSearch;
import io.lettuce.core.GeoValue;
import io.lettuce.core.GeoWithin;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Nearest free space end to end (run with {@code bench/search.sh}, never by {@code verify}). The real application on
 * its embedded servers, the committed city (300,000 spaces) with every place's live state loaded through the real
 * apply script (lots: half of each category occupied; bays: each occupied with probability 1/2), then, on the same
 * query points (random points within 800 m of random places: they follow parking density and weigh the dense
 * districts), k = 10 within 1,000 m, closed loop with the same number of concurrent callers each:
 * <ol>
 *     <li>citypark over HTTP: {@code GET /api/v1/search/nearest} (STRtree candidates, one pipelined Redis read of all
 *     of them, geodesic ranking, JSON);</li>
 *     <li>peer (a): Redis {@code GEOSEARCH … BYRADIUS 1000 m ASC COUNT 50} then {@code HMGET} of a free-count hash
 *     for those places, the first 10 with a free space (two round trips, same Redis, Lettuce);</li>
 *     <li>peer (b): PostgreSQL GiST kNN {@code ORDER BY p <-> point LIMIT 10} joined with an availability table
 *     filtered on {@code free > 0} (same embedded PostgreSQL, JDBC, one connection per caller);</li>
 *     <li>citypark in process: {@link NearestSearch#nearest} on one thread (index + one Redis pipeline), latency.</li>
 * </ol>
 */
public final class NearestSearchBenchmark {

    static final int K = 10;
    static final int RADIUS = 1_000;
    static final int PEER_COUNT = 50;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup", "8"));
        int callers = Integer.parseInt(options.getOrDefault("callers", "8"));
        Path out = Path.of(options.getOrDefault("out", "target/bench/search.md"));
        String loadBefore = loadAverage();

        ConfigurableApplicationContext context = SpringApplication.from(CityparkApplication::main)
                .with(EmbeddedServersConfiguration.class)
                .withAdditionalProfiles("embedded")
                .run("--server.port=0", "--citypark.security.rate-limits.enabled=false",
                        "--citypark.availability.snapshots.enabled=false", "--logging.level.root=WARN",
                        "--logging.level.dev.citypark=WARN")
                .getApplicationContext();
        StringBuilder report = new StringBuilder();
        try {
            GeoData data = GeoDataReader.read(Path.of("geo-data"));
            RegistrySnapshot city = context.getBean(Registry.class).snapshot();
            GeoPoint[] points = CommittedCityCandidatesTest.queryPoints(data, 4_096, 20221001)
                    .toArray(GeoPoint[]::new);
            EmbeddedServers servers = context.getBean(EmbeddedServers.class);
            Map<String, Integer> free = loadLiveState(context, city);
            List<SearchCandidatesBenchmark.Place> places = SearchCandidatesBenchmark.places(data, city);
            System.out.printf("live state loaded; %,d peer places%n", places.size());

            RedisClient redisClient = RedisClient.create("redis://127.0.0.1:" + servers.redisPort());
            StatefulRedisConnection<String, String> redisConnection = redisClient.connect();
            RedisCommands<String, String> redis = redisConnection.sync();
            loadRedisPeer(redis, places, free);
            List<Connection> jdbc = loadPostgresPeer(servers, places, free, callers);

            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            AtomicInteger nonEmpty = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            Call citypark = (caller, p) -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT,
                        "http://127.0.0.1:%d/api/v1/search/nearest?lat=%s&lon=%s&radius=%d&limit=%d", port, p.lat(),
                        p.lon(), RADIUS, K))).GET().build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
                answered.incrementAndGet();
                if (response.body().contains("\"id\"")) {
                    nonEmpty.incrementAndGet();
                }
            };
            Call redisPeer = (caller, p) -> {
                List<GeoWithin<String>> near = redis.geosearch("bench:places", GeoSearch.fromCoordinates(p.lon(),
                        p.lat()), GeoSearch.byRadius(RADIUS, GeoArgs.Unit.m), new GeoArgs().withDistance()
                        .withCount(PEER_COUNT).asc());
                if (near.isEmpty()) {
                    return;
                }
                String[] ids = near.stream().map(GeoWithin::getMember).toArray(String[]::new);
                List<KeyValue<String, String>> counts = redis.hmget("bench:free", ids);
                int found = 0;
                for (KeyValue<String, String> count : counts) {
                    if (count.hasValue() && Integer.parseInt(count.getValue()) > 0 && ++found == K) {
                        break;
                    }
                }
            };
            List<PreparedStatement> knn = new ArrayList<>();
            for (Connection connection : jdbc) {
                knn.add(connection.prepareStatement("SELECT p.id, a.free FROM bench_places p"
                        + " JOIN bench_availability a ON a.id = p.id WHERE a.free > 0"
                        + " ORDER BY p.p <-> point(?, ?) LIMIT " + K));
            }
            Call postgresPeer = (caller, p) -> {
                PreparedStatement statement = knn.get(caller);
                statement.setDouble(1, p.lon());
                statement.setDouble(2, p.lat());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getString(1);
                    }
                }
            };
            NearestSearch search = context.getBean(NearestSearch.class);
            Call inProcess = (caller, p) -> search.nearest(NearestQuery.around(p, RADIUS, K)).block();

            int cores = Runtime.getRuntime().availableProcessors();
            report.append(String.format(Locale.ROOT, "Machine: %d cores (`availableProcessors`), %s %s, %s; load "
                            + "average before: %s. Everything — client, application, Redis, PostgreSQL — shares "
                            + "these cores.%n%n", cores, System.getProperty("os.name"), System.getProperty("os.arch"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), loadBefore));
            report.append(String.format(Locale.ROOT, "Closed loop, %d concurrent callers each, %d s warm-up + %d s "
                    + "measured per system; 4,096 query points; k = %d, radius %d m.%n%n", callers, warmupSeconds,
                    seconds, K, RADIUS));
            report.append("| System | queries/s | per core | p50 ms | p99 ms |\n|---|---:|---:|---:|---:|\n");
            if (options.containsKey("cost")) {
                // per-query cost, one caller, CPU time rather than latency: far less sensitive to a loaded machine
                measure("citypark in-process, 1 thread (warm-up)", inProcess, points, 1, warmupSeconds, seconds);
                String line = cost(inProcess, search, points, redis, Integer.parseInt(options.get("cost")));
                System.out.println(line);
                Files.createDirectories(out.toAbsolutePath().getParent());
                Files.writeString(out.resolveSibling("search-cost.md"), line + "\n");
                context.close();
                System.exit(0);
            }
            if (options.containsKey("serve")) {
                // serve the loaded city for an external load generator (e.g. wrk) for that many seconds; no report
                Path urls = writeQueryPaths(points, out);
                System.out.printf("serving on port %d for %s s; query paths in %s%n", port, options.get("serve"),
                        urls);
                Thread.sleep(Long.parseLong(options.get("serve")) * 1000);
                context.close();
                System.exit(0);
            }
            if (options.containsKey("profile")) {
                // only the citypark paths, e.g. for a profiler (-XX:StartFlightRecording); no report
                measure("citypark HTTP", citypark, points, callers, warmupSeconds, seconds);
                measure("citypark in-process", inProcess, points, callers, warmupSeconds, seconds);
                context.close();
                System.exit(0);
            }
            // the JIT first: both citypark paths run for twice the warm-up before anything is measured, so that the
            // system measured first is not the one that pays for compilation
            measure("warm-up (not reported): citypark HTTP", citypark, points, callers, 0, 2 * warmupSeconds);
            measure("warm-up (not reported): citypark in-process", inProcess, points, callers, 0, 2 * warmupSeconds);
            // the HTTP path twice: with wrk (a C load generator in its own process) when it is installed, and with
            // the JDK's HttpClient inside this JVM, whose own CPU competes with the server's on these two cores
            Optional<Result> wrk = Optional.empty();
            Optional<Result> ceiling = Optional.empty();
            if (wrkInstalled()) {
                wrk = Optional.of(measureWrk("citypark HTTP (wrk, " + callers + " connections)", port,
                        writeQueryPaths(points, out), callers, warmupSeconds, seconds));
                // what this HTTP stack answers at most on this machine: the liveness probe (security chain, a
                // 15-byte JSON body, no I/O) — no search over HTTP can be faster than this
                Path liveness = out.toAbsolutePath().resolveSibling("search-liveness-path.txt");
                Files.writeString(liveness, "/actuator/health/liveness\n");
                ceiling = Optional.of(measureWrk("ceiling: `GET /actuator/health/liveness` (wrk, " + callers
                        + " connections)", port, liveness, callers, warmupSeconds, seconds));
            }
            Result jdk = measure("citypark HTTP (JDK HttpClient in the benchmark JVM)", citypark, points, callers,
                    warmupSeconds, seconds);
            Result a = wrk.orElse(jdk);
            Result r = measure("Redis GEOSEARCH + HMGET", redisPeer, points, callers, warmupSeconds, seconds);
            Result pg = measure("PostgreSQL GiST kNN + join", postgresPeer, points, callers, warmupSeconds,
                    seconds);
            Result inN = measure("citypark in-process, " + callers + " threads", inProcess, points, callers,
                    warmupSeconds, seconds);
            Result in1 = measure("citypark in-process, 1 thread", inProcess, points, 1, warmupSeconds, seconds);
            String cost = cost(inProcess, search, points, redis, 4_096);
            List<Result> rows = new ArrayList<>();
            wrk.ifPresent(rows::add);
            rows.add(jdk);
            ceiling.ifPresent(rows::add);
            rows.addAll(List.of(r, pg, inN, in1));
            for (Result result : rows) {
                report.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f | %.2f |%n", result.name(),
                        result.rate(), result.rate() / cores, result.p50(), result.p99()));
            }
            report.append(String.format(Locale.ROOT, "%nRatios (%s throughput ÷ peer): **%.2f× Redis** "
                            + "(goal ≥ 2×), **%.2f× PostgreSQL** (goal ≥ 5×). In-process p99: **%.2f ms** (goal ≤ "
                            + "5 ms). Share of citypark answers with at least one place: %.0f %%.%n", a.name(),
                    a.rate() / r.rate(),
                    a.rate() / pg.rate(), in1.p99(), 100.0 * nonEmpty.get() / Math.max(1, answered.get())));
            ceiling.ifPresent(c -> report.append(String.format(Locale.ROOT, "%nThe HTTP ceiling (the liveness probe "
                    + "on the same server, no search) is %.2f× Redis and %.2f× PostgreSQL; search over HTTP reaches "
                    + "%.0f %% of it.%n", c.rate() / r.rate(), c.rate() / pg.rate(), 100 * a.rate() / c.rate())));
            report.append(String.format(Locale.ROOT, "%n%s%n", cost));
            report.append(String.format(Locale.ROOT, "%nLoad average before / after: %s / %s%n", loadBefore,
                    loadAverage()));
            for (Connection connection : jdbc) {
                connection.close();
            }
            redisConnection.close();
            redisClient.shutdown();
        }
        finally {
            context.close();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.exit(0);
    }

    /** Whether {@code wrk} can be run. */
    static boolean wrkInstalled() throws InterruptedException {
        try {
            new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
            return true;
        }
        catch (java.io.IOException e) {
            System.out.println("wrk not installed: the HTTP path is measured with the JDK client only");
            return false;
        }
    }

    /**
     * {@code paths} (one per line in {@code pathsFile}, asked in turn) measured by {@code wrk}: closed loop,
     * {@code connections} connections on 2 threads, a warm-up run, then a measured run with {@code --latency}. An
     * error if any answer was not a 2xx.
     */
    static Result measureWrk(String name, int port, Path pathsFile, int connections, int warmupSeconds,
                             int seconds) throws Exception {
        Path script = pathsFile.resolveSibling(pathsFile.getFileName() + ".lua");
        Files.writeString(script, """
                local paths = {}
                for line in io.lines("%s") do paths[#paths + 1] = line end
                local i = 0
                init = function(args) math.randomseed(os.time() + math.floor(os.clock() * 1e6)); i = math.random(#paths) end
                request = function()
                  i = i %% #paths + 1
                  return wrk.format("GET", paths[i])
                end
                """.formatted(pathsFile.toAbsolutePath().toString().replace("\\", "/")));
        String target = "http://127.0.0.1:" + port;
        runWrk(List.of("wrk", "-t2", "-c" + connections, "-d" + warmupSeconds + "s", "-s", script.toString(),
                target));
        String report = runWrk(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
                script.toString(), target));
        System.out.println(name + "\n" + report);
        java.util.regex.Matcher bad = java.util.regex.Pattern.compile("Non-2xx or 3xx responses: (\\d+)")
                .matcher(report);
        if (bad.find()) {
            throw new IllegalStateException("wrk saw " + bad.group(1) + " non-2xx answers");
        }
        double rate = Double.parseDouble(group(report, "Requests/sec:\\s+([0-9.]+)"));
        int count = Integer.parseInt(group(report, "(\\d+) requests in"));
        return new Result(name, rate, wrkMillis(group(report, "\\s50%\\s+([0-9.]+[a-z]+)")),
                wrkMillis(group(report, "\\s99%\\s+([0-9.]+[a-z]+)")), count);
    }

    /** The query points as request paths, one per line, in {@code search-urls.txt} beside {@code out}. */
    private static Path writeQueryPaths(GeoPoint[] points, Path out) throws java.io.IOException {
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path urls = dir.resolve("search-urls.txt");
        Files.write(urls, Arrays.stream(points).map(p -> String.format(Locale.ROOT,
                "/api/v1/search/nearest?lat=%s&lon=%s&radius=%d&limit=%d", p.lat(), p.lon(), RADIUS, K)).toList());
        return urls;
    }

    private static String runWrk(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static String group(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + regex + " in wrk's report:\n" + text);
        }
        return m.group(1);
    }

    /** wrk's latency ("812.00us", "5.12ms", "1.02s") in milliseconds. */
    private static double wrkMillis(String value) {
        double number = Double.parseDouble(value.replaceAll("[a-z]+$", ""));
        return value.endsWith("us") ? number / 1e3 : value.endsWith("ms") ? number : number * 1e3;
    }

    @FunctionalInterface
    interface Call {
        void call(int caller, GeoPoint point) throws Exception;
    }

    record Result(String name, double rate, double p50, double p99, int count) {
    }

    /** Runs {@code callers} threads for warm-up then measurement; latency of every measured call. */
    static Result measure(String name, Call call, GeoPoint[] points, int callers, int warmupSeconds, int seconds)
            throws InterruptedException {
        long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        int[] counts = new int[callers];
        List<Thread> threads = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            long[] mine = new long[4_000_000];
            latencies.add(mine);
            Thread thread = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(caller * 7919L);
                int n = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    try {
                        call.call(caller, points[random.nextInt(points.length)]);
                    }
                    catch (Exception e) {
                        if (failures.incrementAndGet() < 5) {
                            System.err.println(name + ": " + e);
                        }
                        continue;
                    }
                    long stop = System.nanoTime();
                    if (start >= warmEnd && n < mine.length) {
                        mine[n++] = stop - start;
                    }
                }
                counts[caller] = n;
            }, "bench-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < callers; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        Result result = new Result(name, total / (double) seconds, percentile(all, 0.50), percentile(all, 0.99),
                total);
        System.out.printf(Locale.ROOT, "%s: %,d queries, %,.0f/s, p50 %.2f ms, p99 %.2f ms, %d failures%n", name,
                total, result.rate(), result.p50(), result.p99(), failures.get());
        return result;
    }

    /**
     * Cost per in-process query, sequentially over the first {@code queries} points: the application JVM's CPU time
     * (all its threads: caller, Lettuce I/O, GC), Redis's CPU time ({@code INFO cpu}) and Redis commands ({@code INFO
     * stats}) divided by the queries. CPU time, unlike latency, barely depends on how loaded the machine is.
     */
    static String cost(Call inProcess, NearestSearch search, GeoPoint[] points, RedisCommands<String, String> redis,
                       int queries) throws Exception {
        long searchesBefore = search.searchesRead();
        long againBefore = search.searchesReadAgain();
        long readsBefore = search.liveReads();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double redisCpuBefore = redisCpuSeconds(redis);
        long commandsBefore = redisStat(redis.info("stats"), "total_commands_processed");
        Map<String, Long> callsBefore = redisCalls(redis);
        long cpuBefore = os.getProcessCpuTime();
        long wallBefore = System.nanoTime();
        int n = Math.min(queries, points.length);
        for (int i = 0; i < n; i++) {
            inProcess.call(0, points[i]);
        }
        long wall = System.nanoTime() - wallBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        // the INFO calls in between are commands too
        long commands = redisStat(redis.info("stats"), "total_commands_processed") - commandsBefore - 3;
        Map<String, Long> calls = redisCalls(redis);
        calls.replaceAll((name, count) -> count - callsBefore.getOrDefault(name, 0L));
        double redisCpu = redisCpuSeconds(redis) - redisCpuBefore;
        long scripts = calls.getOrDefault("evalsha", 0L) + calls.getOrDefault("eval", 0L);
        long hashReads = calls.getOrDefault("hgetall", 0L) + calls.getOrDefault("hmget", 0L);
        long searches = search.searchesRead() - searchesBefore;
        long reads = search.liveReads() - readsBefore;
        return String.format(Locale.ROOT, "Cost per in-process query (%,d queries, one after another): "
                        + "application CPU **%.0f µs**, Redis CPU **%.0f µs**, wall %.0f µs; Redis commands "
                        + "(`INFO`, scripts' inner calls included) %.1f, of which EVAL/EVALSHA %.2f and "
                        + "HGETALL/HMGET %.1f; live-availability round trips per query %.3f (%,d of %,d queries "
                        + "needed more than one).", n, cpu / 1e3 / n, redisCpu * 1e6 / n, wall / 1e3 / n,
                commands / (double) n, scripts / (double) n, hashReads / (double) n,
                reads / (double) Math.max(1, searches), search.searchesReadAgain() - againBefore, searches);
    }

    /** {@code calls} of every command in {@code INFO commandstats}, by lower-case name. */
    private static Map<String, Long> redisCalls(RedisCommands<String, String> redis) {
        Map<String, Long> calls = new HashMap<>();
        for (String line : redis.info("commandstats").split("\\r?\\n")) {
            int colon = line.indexOf(':');
            int at = line.indexOf("calls=");
            if (line.startsWith("cmdstat_") && colon > 0 && at > 0) {
                int end = line.indexOf(',', at);
                calls.put(line.substring(8, colon).toLowerCase(Locale.ROOT),
                        Long.parseLong(line.substring(at + 6, end < 0 ? line.length() : end)));
            }
        }
        return calls;
    }

    private static double redisCpuSeconds(RedisCommands<String, String> redis) {
        String info = redis.info("cpu");
        return redisDecimal(info, "used_cpu_sys") + redisDecimal(info, "used_cpu_user");
    }

    private static long redisStat(String info, String name) {
        return (long) redisDecimal(info, name);
    }

    private static double redisDecimal(String info, String name) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(name + ":")) {
                return Double.parseDouble(line.substring(name.length() + 1).strip());
            }
        }
        throw new IllegalStateException("no " + name + " in INFO");
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)] / 1e6;
    }

    /**
     * Every lot counted half occupied per category, every bay occupied with probability 1/2, through the real
     * validator and apply script (pipelined, in chunks); returns the free GENERAL count of every peer place (lot,
     * segment, sensed bay) as loaded.
     */
    static Map<String, Integer> loadLiveState(ConfigurableApplicationContext context, RegistrySnapshot city) {
        OccupancyValidator validator = context.getBean(OccupancyValidator.class);
        LiveStore store = context.getBean(LiveStore.class);
        SplittableRandom random = new SplittableRandom(42);
        Instant observed = Instant.now().minusSeconds(30);
        Map<String, Integer> free = new HashMap<>();
        List<LiveUpdate> updates = new ArrayList<>();
        int spaces = 0;
        int occupied = 0;
        for (Lot lot : city.listLots(null, l -> true, null, Integer.MAX_VALUE)) {
            Map<SpaceCategory, Integer> occupiedNow = new HashMap<>();
            for (SpaceCategory category : SpaceCategory.values()) {
                int capacity = lot.capacity().count(category);
                if (capacity > 0) {
                    int taken = capacity / 2 + (capacity % 2 == 1 && random.nextBoolean() ? 1 : 0);
                    occupiedNow.put(category, taken);
                    spaces += capacity;
                    occupied += taken;
                }
            }
            free.put(lot.id().value(), lot.capacity().count(SpaceCategory.GENERAL)
                    - occupiedNow.getOrDefault(SpaceCategory.GENERAL, 0));
            updates.add(update(validator, new LotCount(lot.operator(), lot.id(), observed, Map.of(), occupiedNow,
                    false, null)));
        }
        for (Segment segment : city.listSegmentsIntersecting(new org.locationtech.jts.geom.Envelope(-180, 180, -90,
                90))) {
            int segmentFree = 0;
            for (Bay bay : segment.bays()) {
                boolean taken = random.nextBoolean();
                spaces++;
                occupied += taken ? 1 : 0;
                if (bay.category() == SpaceCategory.GENERAL) {
                    segmentFree += taken ? 0 : 1;
                    free.put(bay.id().value(), taken ? 0 : 1);
                }
                updates.add(update(validator, new BayStatus(segment.operator(), bay.id(), taken, observed,
                        SensorId.of("BENCH-" + bay.id().value()), null, false)));
            }
            free.put(segment.id().value(), segmentFree);
        }
        long started = System.nanoTime();
        for (int from = 0; from < updates.size(); from += 2_000) {
            store.apply(updates.subList(from, Math.min(updates.size(), from + 2_000)), Instant.now()).block();
        }
        System.out.printf(Locale.ROOT, "applied %,d observations (%,d spaces, %.1f %% occupied) in %.1f s%n",
                updates.size(), spaces, 100.0 * occupied / spaces, (System.nanoTime() - started) / 1e9);
        return free;
    }

    private static LiveUpdate update(OccupancyValidator validator, dev.citypark.occupancy.OccupancyEvent event) {
        return LiveUpdate.of((ValidatedEvent) validator.check(event, Instant.now()));
    }

    static void loadRedisPeer(RedisCommands<String, String> redis, List<SearchCandidatesBenchmark.Place> places,
                              Map<String, Integer> free) {
        redis.del("bench:places", "bench:free");
        for (int from = 0; from < places.size(); from += 1_000) {
            List<SearchCandidatesBenchmark.Place> batch = places.subList(from, Math.min(places.size(), from + 1_000));
            @SuppressWarnings("unchecked")
            GeoValue<String>[] values = batch.stream()
                    .map(p -> GeoValue.just(p.point().lon(), p.point().lat(), p.id())).toArray(GeoValue[]::new);
            redis.geoadd("bench:places", values);
            Map<String, String> counts = new HashMap<>();
            batch.forEach(p -> counts.put(p.id(), Integer.toString(free.getOrDefault(p.id(), 0))));
            redis.hset("bench:free", counts);
        }
    }

    static List<Connection> loadPostgresPeer(EmbeddedServers servers, List<SearchCandidatesBenchmark.Place> places,
                                             Map<String, Integer> free, int callers) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            connections.add(DriverManager.getConnection(servers.postgresJdbcUrl(), servers.postgresUser(),
                    "postgres"));
        }
        Connection jdbc = connections.get(0);
        try (Statement ddl = jdbc.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_places");
            ddl.execute("DROP TABLE IF EXISTS bench_availability");
            ddl.execute("CREATE TABLE bench_places (id text PRIMARY KEY, p point NOT NULL)");
            ddl.execute("CREATE TABLE bench_availability (id text PRIMARY KEY, free int NOT NULL)");
        }
        try (PreparedStatement place = jdbc.prepareStatement("INSERT INTO bench_places VALUES (?, point(?, ?))");
             PreparedStatement availability = jdbc.prepareStatement("INSERT INTO bench_availability VALUES (?, ?)")) {
            for (SearchCandidatesBenchmark.Place p : places) {
                place.setString(1, p.id());
                place.setDouble(2, p.point().lon());
                place.setDouble(3, p.point().lat());
                place.addBatch();
                availability.setString(1, p.id());
                availability.setInt(2, free.getOrDefault(p.id(), 0));
                availability.addBatch();
            }
            place.executeBatch();
            availability.executeBatch();
        }
        try (Statement ddl = jdbc.createStatement()) {
            ddl.execute("CREATE INDEX bench_places_p ON bench_places USING gist (p)");
            ddl.execute("ANALYZE bench_places");
            ddl.execute("ANALYZE bench_availability");
        }
        return connections;
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.1f", load);
    }

    private NearestSearchBenchmark() {
    }
}
