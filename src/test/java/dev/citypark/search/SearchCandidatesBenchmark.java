package dev.citypark.search;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.citypark.core.GeoPoint;
import dev.citypark.registry.Bay;
import dev.citypark.registry.Lot;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoDataReader;
import io.lettuce.core.GeoArgs;
import io.lettuce.core.GeoSearch;
import io.lettuce.core.GeoValue;
import io.lettuce.core.GeoWithin;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import redis.embedded.RedisServer;

/**
 * The candidate query of a nearest-space search over the whole committed city (300,000 spaces: 1,503 lots, 3,956
 * segments, the bays of sensed segments), k = 10 within 1,000 m, against two peers measured in the same run on the
 * same places and query points:
 * <ul>
 *     <li>{@code citypark}: {@link SearchCandidates#within} on the in-memory STRtree snapshot (every place within the
 *     radius, with geodesic distances and kerb-line distances, sorted), then the nearest 10;</li>
 *     <li>{@code redisGeoSearch}: {@code GEOSEARCH places FROMLONLAT lon lat BYRADIUS 1000 m ASC COUNT 10} on an
 *     embedded Redis holding lots, segment midpoints and sensed bays (GEOADD);</li>
 *     <li>{@code postgresKnn}: {@code SELECT id FROM places ORDER BY p <-> point(lon, lat) LIMIT 10} on an embedded
 *     PostgreSQL with a GiST index on the built-in {@code point} type (planar degrees; PostGIS is not available).</li>
 * </ul>
 * Query points: random points within 800 m of random places (a lot in one case of three, a segment otherwise), so
 * they follow the city's parking density. Run by hand, never by {@code verify} (see BENCHMARKS.md):
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" org.openjdk.jmh.Main SearchCandidatesBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Threads(1)
public class SearchCandidatesBenchmark {

    static final int K = 10;
    static final int RADIUS_METRES = 1_000;
    private static final String KEY = "bench:places";
    private static final int POINTS = 4_096;

    private RegistrySnapshot snapshot;
    private GeoPoint[] points;
    private int next;

    private RedisServer redisServer;
    private RedisClient redisClient;
    private StatefulRedisConnection<String, String> redisConnection;
    private RedisCommands<String, String> redis;

    private EmbeddedPostgres postgres;
    private Connection jdbc;
    private PreparedStatement knn;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        GeoData city = GeoDataReader.read(Path.of("geo-data"));
        snapshot = new RegistrySnapshot(city.operators(), city.districts(), city.lots(), city.segments(),
                city.screens());
        points = CommittedCityCandidatesTest.queryPoints(city, POINTS, 20221001).toArray(GeoPoint[]::new);
        List<Place> places = places(city, snapshot);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redisServer = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
                .setting("appendonly no").build();
        redisServer.start();
        redisClient = RedisClient.create("redis://127.0.0.1:" + port);
        redisConnection = redisClient.connect();
        redis = redisConnection.sync();
        redis.del(KEY);
        for (int from = 0; from < places.size(); from += 1_000) {
            List<Place> batch = places.subList(from, Math.min(places.size(), from + 1_000));
            @SuppressWarnings("unchecked")
            GeoValue<String>[] values = batch.stream().map(p -> GeoValue.just(p.point().lon(), p.point().lat(), p.id()))
                    .toArray(GeoValue[]::new);
            redis.geoadd(KEY, values);
        }

        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        jdbc = postgres.getPostgresDatabase().getConnection();
        try (Statement ddl = jdbc.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS places");
            ddl.execute("CREATE TABLE places (id text PRIMARY KEY, p point NOT NULL)");
        }
        try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO places (id, p) VALUES (?, point(?, ?))")) {
            for (Place place : places) {
                insert.setString(1, place.id());
                insert.setDouble(2, place.point().lon());
                insert.setDouble(3, place.point().lat());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement ddl = jdbc.createStatement()) {
            ddl.execute("CREATE INDEX places_p ON places USING gist (p)");
            ddl.execute("ANALYZE places");
        }
        knn = jdbc.prepareStatement("SELECT id FROM places ORDER BY p <-> point(?, ?) LIMIT " + K);
        System.out.printf("%n%d places loaded in Redis and PostgreSQL, %d query points%n", places.size(),
                points.length);
    }

    /** Lots, the midpoints of segments whose bays are not sensed, and the bays of sensed segments. */
    static List<Place> places(GeoData city, RegistrySnapshot snapshot) {
        List<Place> places = new ArrayList<>();
        for (Lot lot : city.lots()) {
            places.add(new Place(lot.id().value(), lot.point()));
        }
        for (Segment segment : city.segments()) {
            if (SearchCandidates.isBaySensed(snapshot, segment)) {
                for (Bay bay : segment.bays()) {
                    places.add(new Place(bay.id().value(), bay.point()));
                }
            }
            else {
                LengthIndexedLine line = new LengthIndexedLine(segment.geometry());
                places.add(new Place(segment.id().value(),
                        GeoPoint.fromJts(line.extractPoint(segment.geometry().getLength() / 2))));
            }
        }
        return places;
    }

    record Place(String id, GeoPoint point) {
    }

    private GeoPoint nextPoint() {
        GeoPoint point = points[next];
        next = (next + 1) & (POINTS - 1);
        return point;
    }

    @Benchmark
    public List<Candidate> citypark() {
        List<Candidate> all = SearchCandidates.within(snapshot, nextPoint(), RADIUS_METRES, Optional.empty(),
                SpaceCategory.GENERAL);
        return all.size() > K ? all.subList(0, K) : all;
    }

    @Benchmark
    public List<GeoWithin<String>> redisGeoSearch() {
        GeoPoint p = nextPoint();
        return redis.geosearch(KEY, GeoSearch.fromCoordinates(p.lon(), p.lat()),
                GeoSearch.byRadius(RADIUS_METRES, GeoArgs.Unit.m), new GeoArgs().withDistance().withCount(K).asc());
    }

    @Benchmark
    public List<String> postgresKnn() throws SQLException {
        GeoPoint p = nextPoint();
        knn.setDouble(1, p.lon());
        knn.setDouble(2, p.lat());
        List<String> ids = new ArrayList<>(K);
        try (ResultSet rows = knn.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (knn != null) {
            knn.close();
        }
        if (jdbc != null) {
            jdbc.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (redisConnection != null) {
            redisConnection.close();
        }
        if (redisClient != null) {
            redisClient.shutdown();
        }
        if (redisServer != null) {
            redisServer.stop();
        }
    }
}
