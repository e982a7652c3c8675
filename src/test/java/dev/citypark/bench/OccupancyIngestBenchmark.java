package dev.citypark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.citypark.CityparkApplication;
import dev.citypark.core.BayId;
import dev.citypark.core.SensorId;
import dev.citypark.embedded.EmbeddedServers;
import dev.citypark.embedded.EmbeddedServersConfiguration;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.occupancy.OccupancyEvents;
import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.security.RecordSignatures;
import dev.citypark.security.TestCallers;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Occupancy ingest and SSE benchmark (not a test; run with {@code bench/occupancy-ingest.sh}). On the embedded
 * servers and the real application:
 * <ol>
 *     <li>Kafka → Redis throughput: signed BayStatus records are put on {@code citypark.occupancy.v1} while the
 *     consumers are paused, then the consumers are resumed and the rate at which offsets are committed (i.e. Redis
 *     applied) is measured;</li>
 *     <li>the peer on the same Redis in the same run: {@code redis-benchmark -P 16 -t hset} if available, and a Java
 *     pipelined HSET loop (Lettuce, 800 commands in flight);</li>
 *     <li>event → SSE latency at a steady 5,000 events/s: one SSE client subscribed to the whole city; probe
 *     LotCounts to lots that get at most one event per 20 s (so the one-per-second coalescing never holds them back)
 *     are timed from the moment they are produced to the moment their change arrives on the stream.</li>
 * </ol>
 */
public final class OccupancyIngestBenchmark {

    private static final String LISTENER = "availability-occupancy";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int events = Integer.parseInt(options.getOrDefault("events", "300000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "5000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        String redisBenchmark = options.getOrDefault("redis-benchmark", "none");
        Path out = Path.of(options.getOrDefault("out", "target/bench/occupancy-ingest.md"));

        String loadBefore = loadAverage();
        List<String> appArgs = new ArrayList<>(List.of("--server.port=0",
                "--citypark.availability.max-places-per-query=10000", "--citypark.availability.snapshots.enabled=false",
                "--logging.level.root=WARN", "--logging.level.dev.citypark=WARN"));
        // application settings to try, e.g. --app.citypark.availability.consumer.concurrency=1
        options.forEach((name, value) -> {
            if (name.startsWith("app.")) {
                appArgs.add("--" + name.substring(4) + "=" + value);
            }
        });
        ConfigurableApplicationContext context = SpringApplication.from(CityparkApplication::main)
                .with(EmbeddedServersConfiguration.class)
                .withAdditionalProfiles("embedded")
                .run(appArgs.toArray(String[]::new))
                .getApplicationContext();
        StringBuilder report = new StringBuilder();
        try {
            Bench bench = new Bench(context);
            report.append(machine(loadBefore));
            bench.throughput(warmup);
            double ingest = bench.throughput(events);
            String scriptCost = bench.scriptCost();
            double javaPeer = bench.javaPipelinedHset(1_000_000);
            Double redisPeer = "none".equals(redisBenchmark) ? null : bench.redisBenchmark(redisBenchmark);
            report.append(String.format(Locale.ROOT, "%n| Measurement | Result |%n|---|---|%n"));
            report.append(String.format(Locale.ROOT, "| Kafka → Redis ingest (%,d signed BayStatus, %d consumer "
                    + "threads) | **%,.0f events/s** |%n", events, bench.concurrency(), ingest));
            if (redisPeer != null) {
                report.append(String.format(Locale.ROOT, "| `redis-benchmark -P 16 -t hset -n 1000000` (same Redis) |"
                        + " %,.0f HSET/s |%n", redisPeer));
                report.append(String.format(Locale.ROOT, "| ingest / redis-benchmark | **%.1f %%** |%n",
                        100 * ingest / redisPeer));
            }
            report.append(String.format(Locale.ROOT, "| Redis time per apply script (INFO commandstats, evalsha) | %s "
                    + "|%n", scriptCost));
            report.append(String.format(Locale.ROOT, "| Java pipelined HSET loop (Lettuce, 800 in flight, same Redis) |"
                    + " %,.0f HSET/s |%n", javaPeer));
            report.append(String.format(Locale.ROOT, "| ingest / Java HSET loop | %.1f %% |%n", 100 * ingest / javaPeer));
            Latency latency = bench.sseLatency(rate, seconds);
            report.append(String.format(Locale.ROOT, "| event → SSE latency at %,d events/s for %d s (%d probes) | "
                            + "p50 **%d ms**, p99 **%d ms**, max %d ms |%n", rate, seconds, latency.samples(),
                    latency.p50(), latency.p99(), latency.max()));
            report.append(String.format(Locale.ROOT, "| events actually produced in the latency run | %,.0f events/s |"
                    + "%n", latency.achievedRate()));
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

    record Latency(int samples, long p50, long p99, long max, double achievedRate) {
    }

    private static final class Bench {

        private final ConfigurableApplicationContext context;
        private final KafkaTemplate<String, String> kafka;
        private final RecordSignatures signatures;
        private final Admin admin;
        private final EmbeddedServers servers;
        private final MessageListenerContainer container;
        private final List<Segment> segments;
        private final List<BayId> bays = new ArrayList<>();
        private final Map<BayId, String> placeOfBay = new HashMap<>();
        private final List<Lot> probes;
        private long clock = System.currentTimeMillis() - Duration.ofHours(2).toMillis();

        @SuppressWarnings("unchecked")
        Bench(ConfigurableApplicationContext context) {
            this.context = context;
            this.kafka = context.getBean(KafkaTemplate.class);
            this.signatures = context.getBean(RecordSignatures.class);
            this.admin = context.getBean(Admin.class);
            this.servers = context.getBean(EmbeddedServers.class);
            this.container = context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainer(LISTENER);
            var city = context.getBean(Registry.class).snapshot();
            this.segments = city.listSegmentsIntersecting(new Envelope(-180, 180, -90, 90)).stream()
                    .filter(s -> s.operator().equals(TestCallers.OPERATOR_3)).toList();
            segments.forEach(s -> s.bays().forEach(b -> {
                bays.add(b.id());
                placeOfBay.put(b.id(), s.id().value());
            }));
            this.probes = city.listLots(null, l -> (l.operator().equals(TestCallers.OPERATOR_1)
                    || l.operator().equals(TestCallers.OPERATOR_2)) && l.indoorModel() == null, null, 10_000);
        }

        int concurrency() {
            return context.getEnvironment().getProperty("citypark.availability.consumer.concurrency", Integer.class, 2);
        }

        /** Events per second from resuming the paused consumers to every record committed. */
        double throughput(int count) throws Exception {
            container.pause();
            while (!container.isContainerPaused()) {
                Thread.sleep(20);
            }
            for (int i = 0; i < count; i++) {
                BayId bay = bays.get(i % bays.size());
                boolean occupied = (i / bays.size()) % 2 == 0;
                send(bayRecord(bay, occupied, Instant.ofEpochMilli(clock++)));
            }
            kafka.flush();
            Map<TopicPartition, Long> ends = endOffsets();
            long target = ends.values().stream().mapToLong(Long::longValue).sum();
            long before = committed(ends.keySet());
            container.resume();
            long firstAt = 0;
            long firstCommitted = 0;
            while (true) {
                long now = System.nanoTime();
                long done = committed(ends.keySet());
                if (firstAt == 0 && done > before) {
                    firstAt = now;
                    firstCommitted = done;
                }
                if (done >= target) {
                    double rate = (done - firstCommitted) / ((now - firstAt) / 1e9);
                    System.out.printf(Locale.ROOT, "ingest: %,d events in %.2f s after the first batch: %,.0f/s%n",
                            done - firstCommitted, (now - firstAt) / 1e9, rate);
                    return rate;
                }
                Thread.sleep(10);
            }
        }

        private Map<TopicPartition, Long> endOffsets() throws Exception {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < 6; p++) {
                latest.put(new TopicPartition(OccupancyTopics.OCCUPANCY, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }

        private long committed(java.util.Set<TopicPartition> partitions) throws Exception {
            var offsets = admin.listConsumerGroupOffsets("citypark-availability").partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            long sum = 0;
            for (TopicPartition partition : partitions) {
                var at = offsets.get(partition);
                sum += at == null ? 0 : at.offset();
            }
            return sum;
        }

        /** Server-side microseconds per EVALSHA so far, from INFO commandstats. */
        String scriptCost() {
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + servers.redisPort());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                String stats = connection.sync().info("commandstats");
                Matcher matcher = Pattern.compile("cmdstat_evalsha:calls=(\\d+),usec=(\\d+),usec_per_call=([0-9.]+)")
                        .matcher(stats);
                return matcher.find() ? matcher.group(3) + " µs (" + matcher.group(1) + " calls)" : "n/a";
            }
            finally {
                client.shutdown();
            }
        }

        double javaPipelinedHset(int count) throws Exception {
            RedisClient client = RedisClient.create("redis://127.0.0.1:" + servers.redisPort());
            try (StatefulRedisConnection<String, String> connection = client.connect()) {
                connection.setAutoFlushCommands(false);
                RedisAsyncCommands<String, String> async = connection.async();
                long started = System.nanoTime();
                int inFlight = 800;
                for (int sent = 0; sent < count; sent += inFlight) {
                    List<RedisFuture<?>> batch = new ArrayList<>(inFlight);
                    for (int i = 0; i < inFlight; i++) {
                        batch.add(async.hset("bench:hset", "field:" + ((sent + i) % 100_000), "xxx"));
                    }
                    connection.flushCommands();
                    LettuceFutures.awaitAll(30, TimeUnit.SECONDS, batch.toArray(RedisFuture[]::new));
                }
                double rate = count / ((System.nanoTime() - started) / 1e9);
                async.del("bench:hset");
                connection.flushCommands();
                System.out.printf(Locale.ROOT, "java pipelined HSET: %,.0f/s%n", rate);
                return rate;
            }
            finally {
                client.shutdown();
            }
        }

        Double redisBenchmark(String binary) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(binary, "-h", "127.0.0.1", "-p", Integer.toString(servers.redisPort()),
                    "-P", "16", "-t", "hset", "-n", "1000000", "-q").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            System.out.println("redis-benchmark: " + output.strip().replace('\r', '\n'));
            Matcher matcher = Pattern.compile("HSET: ([0-9.]+) requests per second").matcher(output);
            String last = null;
            while (matcher.find()) {
                last = matcher.group(1);
            }
            return last == null ? null : Double.parseDouble(last);
        }

        Latency sseLatency(int rate, int seconds) throws Exception {
            int port = context.getEnvironment().getProperty("local.server.port", Integer.class);
            Map<String, Long> probeSent = new ConcurrentHashMap<>();
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicBoolean snapshotSeen = new AtomicBoolean();
            Disposable stream = WebClient.builder().baseUrl("http://localhost:" + port)
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024))
                    .build().get()
                    .uri("/api/v1/availability/stream?bbox=119,35,122,38")
                    .accept(MediaType.TEXT_EVENT_STREAM)
                    .retrieve()
                    .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                    .subscribe(event -> {
                        long received = System.currentTimeMillis();
                        if ("snapshot".equals(event.event())) {
                            snapshotSeen.set(true);
                        }
                        else if ("change".equals(event.event()) && event.data() != null) {
                            Object updated = event.data().get("updatedAt");
                            Long sent = probeSent.get(event.data().get("id") + "@" + updated);
                            if (sent != null) {
                                latencies.add(received - sent);
                            }
                        }
                    });
            while (!snapshotSeen.get()) {
                Thread.sleep(50);
            }
            int probesPerSecond = Math.max(1, Math.min(probes.size() / 20, rate / 100));
            long start = System.nanoTime();
            long produced = 0;
            int background = 0;
            int probe = 0;
            long tickNanos = 10_000_000L;
            int perTick = rate / 100;
            int probeEvery = Math.max(1, 100 / probesPerSecond);
            for (long tick = 0; System.nanoTime() - start < Duration.ofSeconds(seconds).toNanos(); tick++) {
                long due = start + tick * tickNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int sendNow = perTick;
                if (tick % probeEvery == 0) {
                    Lot lot = probes.get(probe++ % probes.size());
                    long at = System.currentTimeMillis();
                    OccupancyEvent event = new LotCount(lot.operator(), lot.id(), Instant.ofEpochMilli(at),
                            Map.of(SpaceCategory.GENERAL, (int) (at % (lot.capacity().count(SpaceCategory.GENERAL)
                                    + 1))), Map.of(), false, null);
                    probeSent.put(lot.id().value() + "@" + Instant.ofEpochMilli(at), at);
                    send(signed(lot.id().value(), event));
                    sendNow--;
                    produced++;
                }
                for (int i = 0; i < sendNow; i++) {
                    BayId bay = bays.get(background++ % bays.size());
                    send(bayRecord(bay, (background / bays.size()) % 2 == 1, Instant.now()));
                    produced++;
                }
            }
            double achieved = produced / ((System.nanoTime() - start) / 1e9);
            Thread.sleep(3000);
            stream.dispose();
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Latency(0, -1, -1, -1, achieved);
            }
            System.out.printf(Locale.ROOT, "sse latency: %d probes, p50 %d ms, p99 %d ms%n", sorted.length,
                    percentile(sorted, 50), percentile(sorted, 99));
            return new Latency(sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                    sorted[sorted.length - 1], achieved);
        }

        private static long percentile(long[] sorted, int p) {
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }

        private ProducerRecord<String, String> bayRecord(BayId bay, boolean occupied, Instant at) {
            return signed(placeOfBay.get(bay), new BayStatus(TestCallers.OPERATOR_3, bay, occupied, at,
                    SensorId.of("BENCH"), null, false));
        }

        private ProducerRecord<String, String> signed(String key, OccupancyEvent event) {
            String value = OccupancyEvents.write(event);
            ProducerRecord<String, String> record = new ProducerRecord<>(OccupancyTopics.OCCUPANCY, key, value);
            String keyId = event.operatorId().equals(TestCallers.OPERATOR_1) ? TestCallers.OPERATOR_1_KEY_ID
                    : event.operatorId().equals(TestCallers.OPERATOR_2) ? TestCallers.OPERATOR_2_KEY_ID
                    : TestCallers.OPERATOR_3_KEY_ID;
            signatures.sign(record.headers(), keyId, value.getBytes(StandardCharsets.UTF_8));
            return record;
        }

        private void send(ProducerRecord<String, String> record) {
            kafka.send(record);
        }
    }

    private static String machine(String load) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %.1f GB RAM, %s %s, Java %s; load average at start "
                        + "%s%n", Runtime.getRuntime().availableProcessors(), cpu, memory / 1e9,
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"),
                load);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0] + " (1 min)";
        }
        catch (IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        Arrays.stream(args).filter(a -> a.startsWith("--") && a.contains("="))
                .forEach(a -> options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1)));
        return options;
    }
}
