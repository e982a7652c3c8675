package dev.citypark.session.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.TestTopics;
import dev.citypark.core.Outbox;
import dev.citypark.core.OutboxMessage;
import dev.citypark.registry.Registry;
import dev.citypark.security.TestCallers;
import dev.citypark.session.CityFixtures;
import dev.citypark.session.GateDecisions;
import dev.citypark.session.GateEvent;
import dev.citypark.session.Uuids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Load harness for the gate decision (not part of {@code verify}: its name matches neither test pattern, and it only
 * runs with {@code -Dcitypark.bench=true}). Open loop: events are due every 1/rate seconds whether or not earlier
 * ones finished, and each latency is measured from when its event was due to when its decision was committed, so a
 * stall shows up in the percentiles instead of slowing the load down (no coordinated omission).
 * <p>
 * The workload alternates entries and exits of distinct plates over the lots of one operator; each exit is priced,
 * billed and deferred (session row, bill row, two outbox rows in one transaction). Measured: the decision through
 * {@code GateDecisions} (service), the same through {@code POST /api/v1/operator/gate-events} (HTTP, API key, JSON),
 * and a peer on the same R2DBC pool at the same rate: a bare transaction of one INSERT and one outbox INSERT.
 * <p>
 * The embedded test PostgreSQL runs with {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} off;
 * {@code -Dcitypark.embedded.postgres-durable=true} keeps them on, so every commit is flushed to disk:
 * <pre>
 * ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=GateDecisionBenchmark \
 *     -Dcitypark.bench=true -Dcitypark.embedded.postgres-durable=true \
 *     [-Dcitypark.bench.rates=250,500,1000] [-Dcitypark.bench.seconds=20] [-Dcitypark.bench.paths=service,http,peer]
 * </pre>
 * Results are printed and written to {@code target/bench/gate-decisions.md}. No assertion is made on timings.
 */
@CityparkIntegrationTest
@EnabledIfSystemProperty(named = "citypark.bench", matches = "true")
class GateDecisionBenchmark {

    /** Offered loads, events per second, measured one after another. */
    private static final List<Integer> RATES = java.util.Arrays.stream(
            System.getProperty("citypark.bench.rates", System.getProperty("citypark.bench.rate", "1000")).split(","))
            .map(String::strip).map(Integer::valueOf).toList();
    private static final String PATHS = System.getProperty("citypark.bench.paths", "service,http,peer");
    private static final int SECONDS = Integer.getInteger("citypark.bench.seconds", 20);
    private static final int WARMUP_SECONDS = Integer.getInteger("citypark.bench.warmup", 5);
    /** Before the first measured run, each path runs this long unmeasured at the first rate (JIT warm-up). */
    private static final int JIT_WARMUP_SECONDS = Integer.getInteger("citypark.bench.jit-warmup", 20);
    /** An exit follows its entry this many events later (half a second at 1,000/s). */
    private static final int EXIT_LAG = 500;
    private static final Instant BASE = Instant.parse("2025-03-03T00:00:00Z");

    @Autowired
    GateDecisions gates;

    @Autowired
    Registry registry;

    @Autowired
    DatabaseClient database;

    @Autowired
    TransactionalOperator transactions;

    @Autowired
    Outbox outbox;

    @LocalServerPort
    int port;

    private final List<String> report = new ArrayList<>();
    private final AtomicLong carSeq = new AtomicLong();
    private List<CityFixtures.GatedLot> lots;
    private long postmaster = -1;

    @Test
    void measureGateDecisions() throws IOException {
        lots = registry.snapshot().listLots(null, lot -> lot.operator().equals(TestCallers.OPERATOR_1), null, 400)
                .stream()
                .filter(lot -> lot.gates().stream().anyMatch(g -> g.kind().name().equals("ENTRY"))
                        && lot.gates().stream().anyMatch(g -> g.kind().name().equals("EXIT")))
                .map(lot -> new CityFixtures.GatedLot(lot,
                        lot.gates().stream().filter(g -> g.kind().name().equals("ENTRY")).findFirst().get().id().value(),
                        lot.gates().stream().filter(g -> g.kind().name().equals("EXIT")).findFirst().get().id().value()))
                .toList();
        database.sql("CREATE TABLE IF NOT EXISTS bench_peer (id UUID PRIMARY KEY, plate TEXT NOT NULL,"
                + " at TIMESTAMPTZ NOT NULL)").then().block();
        // a client pool big enough that queueing happens in the server, not here
        ConnectionProvider connections = ConnectionProvider.builder("gate-bench").maxConnections(1000)
                .pendingAcquireMaxCount(-1).pendingAcquireTimeout(Duration.ofMinutes(5)).build();
        WebClient http = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .defaultHeaders(TestCallers.operator1()).build();

        report.add("Machine: " + machine());
        report.add("Load: " + RATES + " events/s open loop, " + SECONDS + " s measured after " + WARMUP_SECONDS
                + " s warm-up per run; " + lots.size() + " lots of " + TestCallers.OPERATOR_1 + "; half entries,"
                + " half exits (priced, billed, deferred)");
        report.add("");
        report.add("| PostgreSQL | path | offered/s | events | errors | achieved/s | p50 ms | p90 ms | p99 ms | p99.9 ms"
                + " | max ms | load avg (1 min) before → after | CPU ms/event: JVM + PostgreSQL |");
        report.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|");

        postmaster = postmasterPid();
        if (JIT_WARMUP_SECONDS > 0) {
            // the first run after startup would otherwise pay for the JIT compiling the whole path (C2 threads
            // compete for the two cores): warm every path up once, at the first rate, unmeasured
            for (String path : List.of("service", "http", "peer")) {
                if (PATHS.contains(path)) {
                    fire(JIT_WARMUP_SECONDS, RATES.get(0), work(path, http));
                }
            }
        }
        for (int rate : RATES) {
            runAll(durability(), http, rate);
        }

        Path out = Path.of("target/bench/gate-decisions.md");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(System.out::println);
    }

    private void runAll(String durability, WebClient http, int rate) {
        if (PATHS.contains("service")) {
            run(durability, "service (GateDecisions)", rate, work("service", http));
        }
        if (PATHS.contains("http")) {
            run(durability, "HTTP POST /api/v1/operator/gate-events", rate, work("http", http));
        }
        if (PATHS.contains("peer")) {
            run(durability, "peer: INSERT + outbox INSERT transaction", rate, work("peer", http));
        }
    }

    private LongFunction<Mono<?>> work(String path, WebClient http) {
        return switch (path) {
            case "service" -> this::serviceEvent;
            case "http" -> seq -> httpEvent(http, seq);
            default -> this::peerTransaction;
        };
    }

    private void run(String durability, String path, int rate, LongFunction<Mono<?>> work) {
        fire(WARMUP_SECONDS, rate, work);
        String loadBefore = loadAverage();
        long jvmCpuBefore = jvmCpuNanos();
        long pgCpuBefore = postgresCpuNanos();
        Result result = fire(SECONDS, rate, work);
        int events = Math.max(result.latenciesNanos().length, 1);
        double jvmCpuMs = (jvmCpuNanos() - jvmCpuBefore) / 1e6 / events;
        long pgCpuAfter = postgresCpuNanos();
        String pgCpu = pgCpuBefore < 0 || pgCpuAfter < 0 ? "?"
                : String.format("%.2f", (pgCpuAfter - pgCpuBefore) / 1e6 / events);
        report.add(String.format("| %s | %s | %d | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f | %s → %s"
                        + " | %.2f + %s |",
                durability, path, rate, result.latenciesNanos().length, result.errors(), result.achievedPerSecond(),
                ms(result, 0.50), ms(result, 0.90), ms(result, 0.99), ms(result, 0.999), ms(result, 1.0), loadBefore,
                loadAverage(), jvmCpuMs, pgCpu));
        System.out.println(report.get(report.size() - 1));
    }

    /** Fires {@code seconds × rate} events, each due at its slot; returns latencies from due time to completion. */
    private Result fire(int seconds, int rate, LongFunction<Mono<?>> work) {
        int total = seconds * rate;
        long intervalNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L;
        Flux.range(0, total)
                .concatMap(i -> {
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    Mono<Long> tick = Mono.just(due);
                    return wait > 1_000_000 ? tick.delayElement(Duration.ofNanos(wait)) : tick;
                })
                .flatMap(due -> work.apply(carSeq.getAndIncrement())
                        .doOnSuccess(done -> latencies.add(System.nanoTime() - due))
                        .onErrorResume(e -> {
                            if (errors.incrementAndGet() <= 3) {
                                System.out.println("benchmark error: " + e);
                            }
                            latencies.add(System.nanoTime() - due);
                            return Mono.empty();
                        }), 4096)
                .then()
                .block(Duration.ofSeconds(seconds + 120L));
        long elapsed = System.nanoTime() - start;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sorted, errors.get(), sorted.length / (elapsed / 1e9));
    }

    /** Event {@code seq}: even → entry of car seq/2; odd → exit of the car that entered EXIT_LAG events earlier. */
    private Mono<?> serviceEvent(long seq) {
        return gates.handle(TestCallers.OPERATOR_1, event(seq)).subscribeOn(Schedulers.parallel());
    }

    private Mono<?> httpEvent(WebClient http, long seq) {
        GateEvent event = event(seq);
        Map<String, Object> body = Map.of("lotId", event.lot().value(), "gateId", event.gate().value(),
                "direction", event.direction().name(), "plate", event.plate().value(), "plateColour", "BLUE",
                "observedAt", event.observedAt().toString(), "confidence", 0.95);
        return http.post().uri("/api/v1/operator/gate-events").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).retrieve().toBodilessEntity();
    }

    private Mono<?> peerTransaction(long seq) {
        String plate = plate(seq / 2);
        Mono<Void> work = database.sql("INSERT INTO bench_peer (id, plate, at) VALUES (:id, :plate, now())")
                .bind("id", Uuids.random()).bind("plate", plate).then()
                .then(outbox.append(new OutboxMessage(TestTopics.OUTBOX, "bench",
                        "BenchPeer", "{\"plate\":\"" + plate + "\"}")));
        return transactions.transactional(work).subscribeOn(Schedulers.parallel());
    }

    private GateEvent event(long seq) {
        boolean entry = seq % 2 == 0;
        long car = entry ? seq / 2 : seq / 2 - EXIT_LAG / 2;
        if (car < 0) {
            car = seq / 2;
            entry = true;
        }
        CityFixtures.GatedLot lot = lots.get((int) (car % lots.size()));
        Instant entryAt = BASE.plusSeconds(car % 86_400);
        return GateEvent.parse(lot.id(), entry ? lot.entryGate() : lot.exitGate(), entry ? "ENTRY" : "EXIT",
                plate(car), "BLUE", entry ? entryAt : entryAt.plus(Duration.ofHours(2)), 0.95, null, null);
    }

    /** A distinct valid plate per car: 鲁 + an authority letter + five serial characters. */
    private static String plate(long car) {
        String serial = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder plate = new StringBuilder("鲁");
        long n = car;
        plate.append("ABCDEFGHJKLMNPQRSTUVWXYZ".charAt((int) ((n / 45_435_424L) % 24)));
        for (int i = 0; i < 5; i++) {
            plate.append(serial.charAt((int) (n % 34)));
            n /= 34;
        }
        return plate.toString();
    }

    /** The durability settings of the PostgreSQL under test, e.g. {@code fsync on, synchronous_commit on}. */
    private String durability() {
        return "fsync " + show("fsync") + ", synchronous_commit " + show("synchronous_commit");
    }

    private String show(String setting) {
        return database.sql("SHOW " + setting).map(row -> row.get(0, String.class)).one().block();
    }

    /** CPU time of this JVM (the application, the embedded Kafka broker and the load generator). */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The embedded PostgreSQL's postmaster, from {@code postmaster.pid} in its data directory; -1 if unknown. */
    private long postmasterPid() {
        try {
            String dataDirectory = database.sql("SHOW data_directory").map(row -> row.get(0, String.class)).one()
                    .block();
            return Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip());
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU time of the embedded PostgreSQL: the postmaster, its live children (backends, WAL writer, checkpointer...)
     * and its exited children, from {@code /proc} (Linux; -1 elsewhere). USER_HZ is 100 on Linux.
     */
    private long postgresCpuNanos() {
        if (postmaster < 0) {
            return -1;
        }
        try (var processes = Files.list(Path.of("/proc"))) {
            long ticks = 0;
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .toList()) {
                String[] stat;
                try {
                    String text = Files.readString(process.resolve("stat"));
                    stat = text.substring(text.lastIndexOf(')') + 2).split(" ");
                }
                catch (IOException e) {
                    continue; // exited meanwhile
                }
                long pid = Long.parseLong(process.getFileName().toString());
                long parent = Long.parseLong(stat[1]);
                if (pid == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                            + Long.parseLong(stat[14]);
                }
                else if (parent == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
            return ticks * 10_000_000L;
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0];
        }
        catch (IOException e) {
            return "?";
        }
    }

    private static double ms(Result result, double quantile) {
        long[] values = result.latenciesNanos();
        if (values.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(values.length - 1, Math.ceil(quantile * values.length) - 1);
        return values[Math.max(index, 0)] / 1e6;
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        }
        catch (IOException e) {
            // not Linux
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB max heap, Java " + System.getProperty("java.version")
                + "; application, PostgreSQL 16, Redis and Kafka (embedded) and the load generator on the same machine";
    }

    private record Result(long[] latenciesNanos, long errors, double achievedPerSecond) {
    }
}
