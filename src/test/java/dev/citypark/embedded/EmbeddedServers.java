package dev.citypark.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import redis.embedded.RedisServer;

/**
 * Real PostgreSQL, Redis and Apache Kafka (KRaft) servers started in this JVM's process tree, each on a free loopback
 * port. This is citypark's embedded default: it lives in test sources only, so the production jar carries none of it.
 * <p>
 * The three servers start concurrently (PostgreSQL and Kafka take a few seconds each) and stop in reverse order:
 * Kafka, then Redis, then PostgreSQL. Clients must be closed before {@link #close()} is called; Spring guarantees this
 * because every connection bean depends on this one.
 * <p>
 * Tests share one instance per JVM ({@link #shared()}), stopped by a shutdown hook after the last Spring context.
 */
public final class EmbeddedServers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServers.class);
    private static final String DATABASE = "citypark";
    private static final String USER = "postgres";
    private static volatile EmbeddedServers shared;
    private static final Queue<Runnable> KAFKA_CLEANUPS = new ConcurrentLinkedQueue<>();

    /** Partitions per topic when a topic is created without an explicit count. */
    static final int DEFAULT_PARTITIONS = 6;

    private final Deque<AutoCloseable> stopOrder = new ArrayDeque<>();
    private final boolean isShared;
    private EmbeddedPostgres postgres;
    private RedisServer redis;
    private MonitorGuard redisGuard;
    private int redisPort;
    private EmbeddedKafkaKraftBroker kafka;
    private volatile boolean closed;

    private EmbeddedServers(boolean isShared) {
        this.isShared = isShared;
    }

    /** Starts a set of servers owned by the caller, stopped by {@link #close()}. */
    public static EmbeddedServers start() {
        return new EmbeddedServers(false).startAll();
    }

    /**
     * The one set of servers for this JVM (tests): started on first use, never stopped by {@link #close()}, stopped
     * by a JVM shutdown hook instead.
     */
    public static EmbeddedServers shared() {
        EmbeddedServers servers = shared;
        if (servers == null) {
            synchronized (EmbeddedServers.class) {
                servers = shared;
                if (servers == null) {
                    servers = new EmbeddedServers(true).startAll();
                    EmbeddedServers started = servers;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stopAll, "embedded-servers-stop"));
                    shared = servers;
                }
            }
        }
        return servers;
    }

    /** Starts Redis on a free port. */
    private RedisServer startRedis() throws IOException {
        return startRedisServer(() -> {
            redisPort = freePort();
            return RedisServer.newRedisServer()
                    .port(redisPort)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("protected-mode yes")
                    .build();
        });
    }

    /**
     * Starts the Redis server {@code build} makes, retrying a start that failed because the binary was busy. The
     * embedded-redis jar writes its {@code redis-server} binary to a temporary file and executes it; a process forked
     * at that moment by another thread (PostgreSQL's initdb starts in parallel, other servers in the same JVM) can
     * still hold the file open for writing, and the exec then fails with ETXTBSY ("Text file busy"). Each attempt
     * builds a fresh server (a fresh copy of the binary). Test infrastructure, run at startup off any event loop.
     */
    public static RedisServer startRedisServer(RedisBuild build) throws IOException {
        for (int attempt = 1; ; attempt++) {
            RedisServer server = build.build();
            try {
                server.start();
                return server;
            }
            catch (IOException e) {
                if (attempt >= 5 || !textFileBusy(e)) {
                    throw e;
                }
                log.warn("Embedded Redis binary busy (exec raced a fork), retrying ({}/5)", attempt);
                try {
                    Thread.sleep(200L * attempt);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Makes a Redis server, not yet started (embedded-redis's builder may fail writing the binary). */
    @FunctionalInterface
    public interface RedisBuild {
        RedisServer build() throws IOException;
    }

    private static boolean textFileBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && (t.getMessage().contains("error=26")
                    || t.getMessage().contains("Text file busy"))) {
                return true;
            }
        }
        return false;
    }

    private EmbeddedServers startAll() {
        long start = System.nanoTime();
        CompletableFuture<EmbeddedPostgres> pg = CompletableFuture.supplyAsync(EmbeddedServers::startPostgres);
        CompletableFuture<EmbeddedKafkaKraftBroker> broker = CompletableFuture.supplyAsync(EmbeddedServers::startKafka);
        try {
            redis = startRedis();
            redisGuard = new MonitorGuard(redis, "embedded-redis-guard");
            postgres = pg.join();
            kafka = broker.join();
        }
        catch (IOException | RuntimeException e) {
            // start failed half way: stop whatever came up, then report the first cause
            pg.thenAccept(this::closeQuietly);
            broker.thenAccept(b -> b.destroy());
            if (redis != null) {
                closeQuietly(this::stopRedis);
            }
            throw new IllegalStateException("Could not start the embedded servers", unwrap(e));
        }
        // reverse of the order clients depend on them: Kafka first, PostgreSQL last
        stopOrder.push(postgres);
        stopOrder.push(this::stopRedis);
        stopOrder.push(() -> {
            kafka.destroy();
            for (Runnable cleanup; (cleanup = KAFKA_CLEANUPS.poll()) != null; ) {
                cleanup.run();
            }
        });
        log.info("Embedded servers up in {} ms: PostgreSQL {}, Redis {}, Kafka {}",
                Duration.ofNanos(System.nanoTime() - start).toMillis(), postgresAddress(), redisAddress(),
                kafkaBootstrapServers());
        return this;
    }

    private void stopRedis() throws IOException {
        if (redisGuard != null) {
            redisGuard.release();
        }
        redis.stop();
    }

    /**
     * embedded-redis adds a JVM shutdown hook that stops its server at once, racing Spring's orderly close: under load
     * the consumers and Lettuce then log errors against a Redis that is already gone. Its {@code stop()} is
     * {@code synchronized} on the server, so a daemon thread holding that monitor makes the library's hook wait until
     * we stop Redis ourselves, in order, after the clients ({@link #stopRedis()} releases it first).
     */
    private static final class MonitorGuard {

        private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

        MonitorGuard(Object monitor, String name) {
            java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
            Thread thread = new Thread(() -> {
                synchronized (monitor) {
                    holding.countDown();
                    try {
                        released.await();
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
            try {
                holding.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void release() {
            released.countDown();
        }
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            // tests trade durability for speed; -Dcitypark.embedded.postgres-durable=true (benchmarks) keeps
            // PostgreSQL's defaults: every commit is flushed to disk
            String durability = Boolean.getBoolean("citypark.embedded.postgres-durable") ? "on" : "off";
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(freePort())
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", durability)
                    .setServerConfig("synchronous_commit", durability)
                    .setServerConfig("full_page_writes", durability)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
            try (var connection = pg.getPostgresDatabase().getConnection();
                 var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
            return pg;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the citypark database", e);
        }
    }

    private static EmbeddedKafkaKraftBroker startKafka() {
        // Kafka's test kit deletes its log directories in JVM shutdown hooks, which would race the broker's own
        // orderly shutdown on Ctrl-C. Collect those clean-ups and run them after the broker has stopped.
        Exit.setShutdownHookAdder((name, cleanup) -> KAFKA_CLEANUPS.add(cleanup));
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, DEFAULT_PARTITIONS);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "false",
                "offsets.topic.num.partitions", "6",
                "offsets.topic.replication.factor", "1",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "group.initial.rebalance.delay.ms", "0",
                "log.flush.interval.messages", String.valueOf(Long.MAX_VALUE)));
        broker.afterPropertiesSet();
        return broker;
    }

    public String postgresJdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String postgresR2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public String postgresUser() {
        return USER;
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public String postgresAddress() {
        return "127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    public int redisPort() {
        return redisPort;
    }

    public String redisAddress() {
        return "127.0.0.1:" + redisPort;
    }

    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    /** Stops the servers unless they are the JVM-wide shared set. */
    @Override
    public void close() {
        if (!isShared) {
            stopAll();
        }
    }

    private synchronized void stopAll() {
        if (closed) {
            return;
        }
        closed = true;
        while (!stopOrder.isEmpty()) {
            closeQuietly(stopOrder.pop());
        }
        log.info("Embedded servers stopped");
    }

    private void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        }
        catch (Exception e) {
            log.warn("Stopping an embedded server failed: {}", e.toString());
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
