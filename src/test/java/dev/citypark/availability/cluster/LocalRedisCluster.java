package dev.citypark.availability.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import dev.citypark.embedded.EmbeddedServers;
import redis.embedded.RedisServer;

/**
 * A Redis Cluster of three masters (no replicas) on loopback ports, started from the redis-server binary that the
 * embedded-redis jar carries (so it works on a machine without Redis installed), joined with CLUSTER MEET, the 16384
 * slots split evenly with CLUSTER ADDSLOTS. Stopped by {@link #close()}.
 */
public final class LocalRedisCluster implements AutoCloseable {

    private static final int SLOTS = 16384;

    private final List<RedisServer> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final Path dir;

    private LocalRedisCluster(Path dir) {
        this.dir = dir;
    }

    public static LocalRedisCluster start(int masters) {
        try {
            LocalRedisCluster cluster = new LocalRedisCluster(Files.createTempDirectory("citypark-redis-cluster"));
            try {
                for (int i = 0; i < masters; i++) {
                    cluster.startNode();
                }
                cluster.join();
                return cluster;
            }
            catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startNode() throws IOException {
        int port = freePort();
        Path nodeDir = Files.createDirectories(dir.resolve("node-" + port));
        RedisServer server = EmbeddedServers.startRedisServer(() -> RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("cluster-enabled yes")
                .setting("cluster-config-file nodes-" + port + ".conf")
                .setting("cluster-node-timeout 5000")
                .setting("dir " + nodeDir.toAbsolutePath())
                .setting("save \"\"")
                .setting("appendonly no")
                .build());
        servers.add(server);
        ports.add(port);
    }

    private void join() {
        RedisClient client = RedisClient.create();
        try {
            List<StatefulRedisConnection<String, String>> nodes = new ArrayList<>();
            for (int port : ports) {
                nodes.add(client.connect(RedisURI.create("127.0.0.1", port)));
            }
            for (int i = 1; i < ports.size(); i++) {
                nodes.get(0).sync().clusterMeet("127.0.0.1", ports.get(i));
            }
            int per = SLOTS / ports.size();
            for (int i = 0; i < ports.size(); i++) {
                int from = i * per;
                int to = i == ports.size() - 1 ? SLOTS : from + per;
                nodes.get(i).sync().clusterAddSlots(IntStream.range(from, to).toArray());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!nodes.stream().allMatch(n -> {
                String info = n.sync().clusterInfo();
                return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + ports.size());
            })) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Redis cluster did not become ok within 60 s");
                }
                sleep(100);
            }
            nodes.forEach(StatefulRedisConnection::close);
        }
        finally {
            client.shutdown();
        }
    }

    /** host:port of every master, for {@code spring.data.redis.cluster.nodes}. */
    public List<String> nodes() {
        return ports.stream().map(port -> "127.0.0.1:" + port).toList();
    }

    @Override
    public void close() {
        for (RedisServer server : servers) {
            try {
                server.stop();
            }
            catch (IOException | RuntimeException e) {
                // best effort: the process dies with the JVM anyway
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
