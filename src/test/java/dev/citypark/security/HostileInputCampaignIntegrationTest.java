package dev.citypark.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GateKind;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import dev.citypark.session.CityFixtures;
import dev.citypark.session.SessionTopics;
import io.netty.channel.ChannelOption;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input campaign: a seeded generator ({@link HostileInputs}; {@code -Dcitypark.hostile.seed=<n>} replays a
 * run) sends at least 10,000 malformed or adversarial HTTP requests across every route of the running application
 * (the routes are enumerated like {@link BolaIntegrationTest} does) and 1,000 bad records onto the two gateway topics.
 * No request in the campaign may write: each one is malformed, names objects of another operator or driver, or
 * carries a value that must be refused. Then:
 * <ul>
 * <li>no answer is a 5xx, and no answer carries a stack trace or SQL;</li>
 * <li>no write happened: row counts and checksums of the ledger, registry and key tables and the Redis state of the
 * places the campaign used are what they were before;</li>
 * <li>every bad record is in its dead-letter topic with a reason header, and the consumers still run: a valid record
 * on each topic afterwards is applied.</li>
 * </ul>
 * Concurrency is bounded (a few requests in flight), so the campaign stays well within its time on a busy 2-core
 * machine.
 */
@CityparkIntegrationTest
class HostileInputCampaignIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(HostileInputCampaignIntegrationTest.class);

    static final int REQUESTS = 10_000;
    static final int RECORDS_PER_TOPIC = 500;
    static final int IN_FLIGHT = 8;
    private static final String JSON = "application/json";
    private static final String GEO_JSON = "application/geo+json";
    private static final List<String> CONTENT_TYPES = List.of(JSON, JSON, JSON, GEO_JSON, "text/plain",
            "application/xml", "application/x-www-form-urlencoded", "application/json; charset=UTF-16",
            "multipart/form-data; boundary=x", "");
    private static final List<String> QUERY_NAMES = List.of("limit", "from", "to", "crs", "bbox", "at", "leaveAt",
            "status", "cursor", "interval", "groupBy", "lat", "lon", "radius", "category", "access", "kind", "q",
            "stayMinutes", "arriveAt", "district", "operator");

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    @Autowired
    Registry registry;

    @Autowired
    DatabaseClient database;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    RecordSignatures signatures;

    /** One request of the campaign; {@code oversized} requests may also end in a closed connection. */
    record HostileRequest(String kind, HttpMethod method, String uri, Map<String, String> headers, String contentType,
                          byte[] body, boolean oversized) {

        @Override
        public String toString() {
            return kind + " " + method + " " + (uri.length() > 200 ? uri.substring(0, 200) + "…" : uri);
        }
    }

    record Outcome(HostileRequest request, int status, String failure, String body) {
    }

    // the campaign's places: the last lot of each garage operator and the last segment of the on-street one, which
    // no other test uses
    Lot ownLot;
    Gate ownEntry;
    Gate ownExit;
    Lot otherLot;
    Segment segment;
    String driverToken;
    String bureauToken;

    @Test
    void survivesTheCampaignWithoutErrorsOrWrites() throws Exception {
        long seed = Long.getLong("citypark.hostile.seed", 20_261_124L);
        String run = Long.toString(System.nanoTime(), 36);
        log.info("Hostile-input campaign, seed {} (replay with -Dcitypark.hostile.seed={})", seed, seed);
        ownLot = lastGatedLot(TestCallers.OPERATOR_1);
        ownEntry = gate(ownLot, GateKind.ENTRY);
        ownExit = gate(ownLot, GateKind.EXIT);
        otherLot = lastGatedLot(TestCallers.OPERATOR_2);
        segment = registry.snapshot().listSegmentsOf(TestCallers.OPERATOR_3).stream()
                .filter(s -> s.bays().size() >= 4).max(Comparator.comparing(s -> s.id().value())).orElseThrow();
        driverToken = TestCallers.driverToken(web, CityFixtures.freshPhone());
        bureauToken = TestCallers.bureauToken(web);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        List<HostileRequest> requests = generate(new HostileInputs(seed), now);
        List<ProducerRecord<String, String>> records = records(new HostileInputs(seed + 1), now, run);
        String before = awaitSettledState();
        long started = System.nanoTime();

        List<Outcome> outcomes = send(requests);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(kafka.send(record)));
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        log.info("Campaign: {} requests in {} ms, statuses {}", outcomes.size(),
                (System.nanoTime() - started) / 1_000_000, outcomes.stream()
                        .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting())));

        assertThat(outcomes).hasSizeGreaterThanOrEqualTo(REQUESTS);
        assertThat(outcomes).as("server errors").filteredOn(o -> o.status() >= 500)
                .extracting(o -> o.request() + " -> " + o.status() + " " + o.body()).isEmpty();
        assertThat(outcomes).as("requests the client could not even send").filteredOn(o -> o.status() == -2)
                .extracting(o -> o.request() + " -> " + o.failure()).isEmpty();
        assertThat(outcomes).as("requests without an answer (only oversized bodies may see a closed connection)")
                .filteredOn(o -> o.status() < 0 && !o.request().oversized())
                .extracting(o -> o.request() + " -> " + o.failure()).isEmpty();
        assertThat(outcomes).as("answers that accepted a write")
                .filteredOn(o -> o.status() >= 200 && o.status() < 300 && o.request().method() != HttpMethod.GET
                        && o.request().method() != HttpMethod.HEAD && o.request().method() != HttpMethod.OPTIONS)
                .extracting(o -> o.request() + " -> " + o.status() + " " + o.body()).isEmpty();
        assertThat(outcomes).as("answers leaking internals").filteredOn(o -> leaks(o.body()))
                .extracting(o -> o.request() + " -> " + o.body()).isEmpty();

        Map<String, Integer> dead = awaitDeadLetters(run);
        assertThat(dead).as("dead-lettered records per topic").containsEntry(OccupancyTopics.OCCUPANCY_DLT,
                RECORDS_PER_TOPIC).containsEntry(SessionTopics.GATE_EVENTS_DLT, RECORDS_PER_TOPIC);
        assertThat(awaitSettledState()).as("database and Redis state after the campaign").isEqualTo(before);
        log.info("Campaign done in {} ms (requests, records, dead letters, state)",
                (System.nanoTime() - started) / 1_000_000);

        consumersStillApplyValidRecords(now);
    }

    // ---------------------------------------------------------------- generation

    private List<HostileRequest> generate(HostileInputs in, Instant now) {
        List<String> routes = BolaIntegrationTest.routes(context).stream()
                .filter(route -> !route.startsWith("ROUTER") && !route.endsWith("/stream"))
                .toList();
        String feature = web.get().uri("/api/v1/lots/{id}", ownLot.id().value())
                .accept(org.springframework.http.MediaType.parseMediaType(GEO_JSON)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<HostileRequest> requests = new ArrayList<>(REQUESTS + 16);
        byte[] tenMegabytes = ("{\"events\":[" + "{\"type\":\"LotCount\",\"lotId\":\"x\"},".repeat(320_000) + "{}]}")
                .getBytes(StandardCharsets.UTF_8);
        for (String uri : List.of("/api/v1/operator/occupancy", "/api/v1/operator/gate-events",
                "/api/v1/auth/driver-token", "/api/v1/operator/lots/" + ownLot.id().value())) {
            requests.add(new HostileRequest("10 MB body", uri.contains("/lots/") ? HttpMethod.PUT : HttpMethod.POST,
                    uri, operatorOr(uri, TestCallers.OPERATOR_1_API_KEY), JSON, tenMegabytes, true));
        }
        while (requests.size() < REQUESTS) {
            int dice = in.nextInt(100);
            if (dice < 35) {
                requests.add(fuzzRoute(in, in.pick(routes), now));
            }
            else if (dice < 55) {
                requests.add(gateEvent(in, now));
            }
            else if (dice < 65) {
                requests.add(bayCheckin(in, now));
            }
            else if (dice < 77) {
                requests.add(occupancy(in, now));
            }
            else if (dice < 80) {
                requests.add(lotPut(in, feature));
            }
            else if (dice < 93) {
                requests.add(driverOrAuth(in, now));
            }
            else {
                requests.add(rawPath(in));
            }
        }
        return requests;
    }

    private static Map<String, String> operatorOr(String uri, String key) {
        return uri.contains("/operator/") ? Map.of("X-Api-Key", key) : Map.of();
    }

    /** Callers, from nobody to administrators, plus credentials that are not credentials. */
    private Map<String, String> anyCaller(HostileInputs in) {
        return switch (in.nextInt(11)) {
            case 0, 1 -> Map.of();
            case 2 -> Map.of("X-Api-Key", TestCallers.OPERATOR_1_API_KEY);
            case 3 -> Map.of("X-Api-Key", TestCallers.OPERATOR_2_API_KEY);
            case 4 -> Map.of("X-Api-Key", TestCallers.OPERATOR_3_API_KEY);
            case 5 -> Map.of("Authorization", "Bearer " + driverToken);
            case 6 -> Map.of("Authorization", "Bearer " + bureauToken);
            case 7 -> Map.of("X-Admin-Token", TestCallers.ADMIN_TOKEN);
            case 8 -> Map.of("Authorization", "Bearer " + in.pick(List.of("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                    "x.y.z", "a", driverToken.substring(0, driverToken.length() - 3) + "abc", "e30.e30.e30")));
            case 9 -> Map.of("X-Api-Key", in.pick(List.of("devop001.guess", "devop001", ".", "x".repeat(3000),
                    "devop001.local-dev-secret-op-001 ", "' OR 1=1 --.x")));
            default -> Map.of("X-Admin-Token", in.pick(List.of("", "local-dev-admin-token ", "admin", "null")));
        };
    }

    /** Path values that name nothing the caller may write (never a valid operator id: admins would issue keys). */
    private String pathValue(HostileInputs in) {
        String value = switch (in.nextInt(6)) {
            case 0, 1 -> in.pick(HostileInputs.STRINGS);
            case 2 -> in.pick(HostileInputs.PLATES);
            case 3 -> in.pick(List.of(otherLot.id().value(), segment.id().value(),
                    segment.bays().get(0).id().value(), ownExit.id().value(), "OP-ONST-370202-X"));
            case 4 -> UUID.randomUUID().toString();
            default -> in.pick(HostileInputs.NUMBERS);
        };
        if (value.isEmpty() || value.startsWith("OP-GAR-0")) {
            value = "nothing";
        }
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    private String query(HostileInputs in) {
        int n = in.nextInt(4);
        if (n == 0) {
            return "";
        }
        StringBuilder query = new StringBuilder("?");
        for (int i = 0; i < n; i++) {
            String value = switch (in.nextInt(4)) {
                case 0 -> in.pick(HostileInputs.STRINGS);
                case 1 -> in.pick(HostileInputs.NUMBERS);
                case 2 -> in.pick(HostileInputs.timestamps(Instant.now())).replace("\"", "");
                default -> in.pick(List.of("119,35,122,38", "1,2,3", "-180,-90,180,90", "NaN,NaN,NaN,NaN",
                        "1e309,0,0,0", "GCJ-02", "BD-09", "EPSG:4326'--", "1h", "P99999999D", "0"));
            };
            query.append(i == 0 ? "" : "&").append(in.pick(QUERY_NAMES)).append('=')
                    .append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private HostileRequest fuzzRoute(HostileInputs in, String route, Instant now) {
        int space = route.indexOf(' ');
        String method = route.substring(0, space);
        String path = route.substring(space + 1);
        StringBuilder uri = new StringBuilder();
        for (String part : path.split("/", -1)) {
            if (!uri.isEmpty() || !part.isEmpty()) {
                uri.append('/');
            }
            uri.append(part.startsWith("{") ? pathValue(in) : part);
        }
        HttpMethod httpMethod = method.equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(method);
        Map<String, String> caller = anyCaller(in);
        boolean writes = httpMethod != HttpMethod.GET;
        if (writes && caller.containsKey("X-Admin-Token") && path.startsWith("/api/v1/admin")
                && caller.get("X-Admin-Token").equals(TestCallers.ADMIN_TOKEN) && !path.contains("{operatorId}")) {
            caller = Map.of(); // an administrator's write on a fixed path could succeed; keep the campaign write-free
        }
        byte[] body = null;
        String type = null;
        if (writes && in.chance(0.8)) {
            type = in.pick(CONTENT_TYPES);
            body = fuzzBody(in, now).getBytes(StandardCharsets.UTF_8);
        }
        return new HostileRequest("route " + route, httpMethod, uri + query(in), caller, type, body, false);
    }

    private String fuzzBody(HostileInputs in, Instant now) {
        return switch (in.nextInt(6)) {
            case 0 -> in.jsonValue(now);
            case 1 -> HostileInputs.object(Map.of(in.pick(QUERY_NAMES), in.jsonValue(now),
                    in.pick(List.of("plate", "lotId", "events", "amountFen")), in.jsonValue(now)));
            case 2 -> in.broken("{\"events\":[{\"type\":\"LotCount\",\"lotId\":\"" + ownLot.id().value() + "\"}]}");
            case 3 -> HostileInputs.deepNesting(in.chance(0.5) ? '[' : '{', 1000 + in.nextInt(20_000));
            case 4 -> "";
            default -> new String(in.randomBytes(1 + in.nextInt(400)), StandardCharsets.ISO_8859_1);
        };
    }

    /**
     * A gate event built from a valid one: by the lot's own operator with at least one value that must be refused,
     * or by another operator with anything.
     */
    private HostileRequest gateEvent(HostileInputs in, Instant now) {
        boolean exit = in.chance(0.5);
        Map<String, String> event = new LinkedHashMap<>();
        event.put("lotId", HostileInputs.quote(ownLot.id().value()));
        event.put("gateId", HostileInputs.quote((exit ? ownExit : ownEntry).id().value()));
        event.put("direction", HostileInputs.quote(exit ? "EXIT" : "ENTRY"));
        event.put("plate", HostileInputs.quote(CityFixtures.freshPlate()));
        event.put("plateColour", "\"BLUE\"");
        event.put("observedAt", HostileInputs.quote(now.toString()));
        event.put("confidence", "0.97");
        boolean owner = in.chance(0.5);
        mutate(in, event, now, List.of("lotId", "gateId", "plate", "plateColour", "observedAt", "confidence",
                "imageRef", "bayId", "eventId", "operatorId"));
        if (owner) {
            if (in.chance(0.1)) {
                event.put("lotId", HostileInputs.quote(otherLot.id().value()));
            }
            mustRefuse(in, event, Map.of(
                    "observedAt", List.of("\"9999-12-31T23:59:59Z\"", "\"+10000-01-01T00:00:00Z\"", "\"yesterday\"",
                            "[]", "\"2025-02-30T00:00:00Z\"", "\"" + now.plusSeconds(365L * 86400) + "\"", "{}"),
                    "direction", List.of("\"SIDEWAYS\"", "\"entry; DROP TABLE bill\"", "1", "{}", "\"\""),
                    "plateColour", List.of("\"PURPLE\"", "[]", "\"' OR 1=1\"", "\"\\u0000\""),
                    "confidence", List.of("NaN", "Infinity", "0x10", "{}", "\"high\"", "1e309")));
        }
        return json("gate event" + (owner ? " (own lot)" : " (another operator)"), HttpMethod.POST,
                "/api/v1/operator/gate-events", owner ? TestCallers.OPERATOR_1_API_KEY : TestCallers.OPERATOR_2_API_KEY,
                body(in, event));
    }

    private HostileRequest bayCheckin(HostileInputs in, Instant now) {
        Map<String, String> reading = new LinkedHashMap<>();
        reading.put("bayId", HostileInputs.quote(segment.bays().get(in.nextInt(segment.bays().size())).id().value()));
        reading.put("state", in.chance(0.5) ? "\"OCCUPIED\"" : "\"FREE\"");
        reading.put("plate", HostileInputs.quote(CityFixtures.freshPlate()));
        reading.put("plateColour", "\"BLUE\"");
        reading.put("observedAt", HostileInputs.quote(now.toString()));
        boolean owner = in.chance(0.5);
        mutate(in, reading, now, List.of("bayId", "state", "plate", "observedAt", "confidence", "imageRef"));
        if (owner) {
            mustRefuse(in, reading, Map.of(
                    "observedAt", List.of("\"9999-12-31T23:59:59Z\"", "\"yesterday\"", "[]", "\"2025-13-01T00:00:00Z\""),
                    "state", List.of("\"PARKED\"", "true", "\"\"", "[]"),
                    "plateColour", List.of("\"PURPLE\"", "[]")));
        }
        return json("bay check-in" + (owner ? " (own bay)" : " (another operator)"), HttpMethod.POST,
                "/api/v1/operator/bay-checkins",
                owner ? TestCallers.OPERATOR_3_API_KEY
                        : in.chance(0.5) ? TestCallers.OPERATOR_1_API_KEY : TestCallers.OPERATOR_2_API_KEY,
                body(in, reading));
    }

    private HostileRequest occupancy(HostileInputs in, Instant now) {
        boolean owner = in.chance(0.5);
        int count = in.chance(0.05) ? 1001 + in.nextInt(50) : 1 + in.nextInt(5);
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < count; i++) {
            Map<String, String> event = new LinkedHashMap<>();
            switch (in.nextInt(3)) {
                case 0 -> {
                    event.put("type", "\"LotCount\"");
                    event.put("lotId", HostileInputs.quote(ownLot.id().value()));
                    event.put("observedAt", HostileInputs.quote(now.toString()));
                    event.put("free", "{\"GENERAL\":" + in.pick(List.of("0", "1", "-1", "1e309", "NaN",
                            "99999999999", "\"many\"", "[]")) + "}");
                }
                case 1 -> {
                    event.put("type", "\"LotFlow\"");
                    event.put("lotId", HostileInputs.quote(ownLot.id().value()));
                    event.put("observedAt", HostileInputs.quote(now.toString()));
                    event.put("eventId", HostileInputs.quote(UUID.randomUUID().toString()));
                    event.put("entries", "{\"GENERAL\":" + in.pick(List.of("1", "-5", "1e20", "null")) + "}");
                }
                default -> {
                    event.put("type", "\"BayStatus\"");
                    event.put("bayId", HostileInputs.quote(segment.bays().get(0).id().value()));
                    event.put("observedAt", HostileInputs.quote(now.toString()));
                    event.put("occupied", "true");
                    event.put("sensorId", "\"S-1\"");
                }
            }
            mutate(in, event, now, List.of("type", "lotId", "bayId", "observedAt", "sequence", "closed", "free",
                    "occupied", "operatorId"));
            if (owner && i == count - 1) {
                // the last event is certainly refused, and a batch is all or nothing
                mustRefuse(in, event, Map.of("observedAt", List.of("\"9999-12-31T23:59:59Z\"", "\"yesterday\"",
                        "[]", "\"" + now.plusSeconds(86_400) + "\"", "1e309")));
            }
            events.append(i == 0 ? "" : ",").append(HostileInputs.object(event));
        }
        String body = "{\"events\":[" + events + "]}";
        return json("occupancy" + (owner ? " (own places)" : " (another operator)"), HttpMethod.POST,
                "/api/v1/operator/occupancy", owner ? TestCallers.OPERATOR_1_API_KEY : TestCallers.OPERATOR_2_API_KEY,
                in.chance(0.15) ? in.broken(body) : body);
    }

    /** The lot's own Feature, broken for its operator, or whole for another operator. */
    private HostileRequest lotPut(HostileInputs in, String feature) {
        boolean owner = in.chance(0.5);
        String body;
        if (owner) {
            // certainly invalid documents: cut short, a NaN or huge coordinate, not a Feature, a broken geometry
            body = switch (in.nextInt(4)) {
                case 0 -> feature.substring(0, in.nextInt(feature.length()));
                case 1 -> feature.replaceFirst("\"coordinates\":\\[\\[?\\[?[-0-9.]+",
                        java.util.regex.Matcher.quoteReplacement("\"coordinates\":[[["
                                + in.pick(List.of("NaN", "1e309", "-Infinity", "\"x\""))));
                case 2 -> feature.replace("\"type\":\"Feature\"", "\"type\":" + HostileInputs.quote(
                        in.pick(HostileInputs.STRINGS)));
                default -> feature.replaceFirst("\"coordinates\":", java.util.regex.Matcher.quoteReplacement(
                        "\"coordinates\":" + in.jsonValue(Instant.now()) + ",\"was\":"));
            };
            if (body.equals(feature)) {
                body = feature.substring(0, feature.length() / 2);
            }
        }
        else {
            body = in.chance(0.5) ? feature : feature.replaceFirst("\"name\":\"[^\"]*\"",
                    java.util.regex.Matcher.quoteReplacement("\"name\":" + HostileInputs.quote(
                            in.pick(HostileInputs.STRINGS))));
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("X-Api-Key", owner ? TestCallers.OPERATOR_1_API_KEY : TestCallers.OPERATOR_2_API_KEY);
        if (in.chance(0.5)) {
            headers.put("If-Match", in.pick(List.of("*", "\"1\"", "W/\"1\"", "\"99999999999999999999\"", "\"-1\"",
                    "garbage")));
        }
        return new HostileRequest("lot PUT" + (owner ? " (own lot, broken)" : " (another operator)"),
                HttpMethod.PUT, "/api/v1/operator/lots/" + ownLot.id().value() + (in.chance(0.2) ? "?crs=" +
                UriUtils.encodeQueryParam(in.pick(HostileInputs.STRINGS), StandardCharsets.UTF_8) : ""),
                headers, in.chance(0.8) ? GEO_JSON : in.pick(CONTENT_TYPES), body.getBytes(StandardCharsets.UTF_8),
                false);
    }

    /** Drivers on objects not theirs, sign-in and callbacks with garbage. */
    private HostileRequest driverOrAuth(HostileInputs in, Instant now) {
        Map<String, String> driver = Map.of("Authorization", "Bearer " + driverToken);
        String plate = UriUtils.encodePathSegment(in.chance(0.5) ? in.pick(HostileInputs.PLATES)
                : CityFixtures.freshPlate(), StandardCharsets.UTF_8);
        if (plate.isEmpty()) {
            plate = "x";
        }
        return switch (in.nextInt(8)) {
            case 0 -> {
                Map<String, String> headers = new HashMap<>(driver);
                headers.put("Idempotency-Key", in.pick(List.of("k", "x".repeat(5000), "' OR 1=1", "ключ")));
                yield json("driver pays", HttpMethod.POST, "/api/v1/me/bills/" + in.pick(List.of(
                        UUID.randomUUID().toString(), "not-a-uuid", "00000000-0000-0000-0000-000000000000",
                        "%27%20OR%201%3D1")) + "/payments", headers, HostileInputs.object(Map.of(
                        "amountFen", in.pick(HostileInputs.NUMBERS), "method", in.jsonValue(now))));
            }
            case 1 -> json("driver binds (wrong code)", HttpMethod.PUT, "/api/v1/me/vehicles/" + plate, driver,
                    HostileInputs.object(Map.of("plateColour", in.chance(0.5) ? "\"BLUE\"" : in.jsonValue(now),
                            "verificationCode", in.pick(List.of("\"000000\"", "\"\"", "123456", "null",
                                    "\"888888' OR 1=1\"", "{}")))));
            case 2 -> json("driver autopay on a plate not theirs", HttpMethod.PUT,
                    "/api/v1/me/vehicles/" + plate + "/autopay", driver, HostileInputs.object(Map.of(
                            "method", in.jsonValue(now), "accountRef", in.jsonValue(now))));
            case 3 -> new HostileRequest("driver unbinds a plate not theirs", HttpMethod.DELETE,
                    "/api/v1/me/vehicles/" + plate + (in.chance(0.5) ? "/autopay" : ""), driver,
                    null, null, false);
            case 4 -> json("driver token", HttpMethod.POST, "/api/v1/auth/driver-token", Map.of(),
                    HostileInputs.object(Map.of("phone", in.chance(0.5) ? in.jsonValue(now)
                            : HostileInputs.quote(in.pick(List.of("13800000001' OR 1=1", "+8613800000001",
                                    "1380000000１", "99999999999"))), "code", in.jsonValue(now))));
            case 5 -> json("service token", HttpMethod.POST, "/api/v1/auth/service-token", Map.of(),
                    HostileInputs.object(Map.of("clientId", in.chance(0.5) ? "\"bureau-dev\"" : in.jsonValue(now),
                            "clientSecret", in.jsonValue(now))));
            case 6 -> {
                Map<String, String> headers = new HashMap<>();
                headers.put(in.pick(List.of("X-Citypark-Signature", "X-Citypark-Signature", "Signature")),
                        in.pick(List.of("t=1,v1=00", "t=" + now.getEpochSecond() + ",v1=" + "ab".repeat(32), "",
                                "t=9999999999999999999,v1=x", "v1=")));
                yield json("payment callback", HttpMethod.POST, "/api/v1/payments/callback", headers,
                        in.chance(0.5) ? in.broken("{\"paymentId\":\"" + UUID.randomUUID()
                                + "\",\"status\":\"CONFIRMED\"}") : HostileInputs.object(Map.of("paymentId",
                                in.jsonValue(now), "status", "\"CONFIRMED\"", "amountFen", in.pick(HostileInputs.NUMBERS))));
            }
            default -> new HostileRequest("quote", HttpMethod.GET, "/api/v1/tariffs/" + in.pick(List.of(
                    "QD-T1-CORE", "nothing", "%27")) + "/quote" + query(in), anyCaller(in), null, null, false);
        };
    }

    private HostileRequest rawPath(HostileInputs in) {
        String path = in.pick(List.of("/api/v1/lots/%2e%2e/%2e%2e/api/v1/admin/operators/OP-GAR-01/api-keys",
                "//api//v1//operator//gate-events", "/api/v1/lots/QD-L-00001;x=1", "/api/v1/operator/..;/me/bills",
                "/api/v1/operator/lots/..%2f..%2fme%2fvehicles", "/api/v1/" + "a/".repeat(2000),
                "/api/v1/lots?limit=" + "9".repeat(5000), "/api/v1/lots/%00", "/%2F%2F",
                "/api/v1/ME/SESSIONS", "/api/v1/me/sessions/", "/api/v1/admin/operators/%4FP-GAR-01/api-keys",
                "/actuator/env", "/actuator/heapdump", "/actuator/health/../prometheus", "/api/v1/tariffs/.json"));
        HttpMethod method = in.pick(List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE, HttpMethod.PATCH,
                HttpMethod.OPTIONS, HttpMethod.HEAD, HttpMethod.TRACE, HttpMethod.PUT));
        Map<String, String> caller = anyCaller(in);
        if (caller.containsKey("X-Admin-Token") && method != HttpMethod.GET) {
            caller = Map.of();
        }
        return new HostileRequest("raw path", method, path, caller, null, null, false);
    }

    /**
     * Puts one value of {@code refused} first into the event, so that the owner's request is refused however the
     * rest is broken afterwards (a truncated or cut document keeps it or is no document).
     */
    private static void mustRefuse(HostileInputs in, Map<String, String> event, Map<String, List<String>> refused) {
        List<String> fields = new ArrayList<>(new java.util.TreeSet<>(refused.keySet()));
        String field = in.pick(fields);
        String value = in.pick(refused.get(field));
        event.remove(field);
        Map<String, String> rest = new LinkedHashMap<>(event);
        event.clear();
        event.put(field, value);
        event.putAll(rest);
    }

    /** Sets up to three fields to hostile values (new fields too) or drops them. */
    private static void mutate(HostileInputs in, Map<String, String> event, Instant now, List<String> fields) {
        int n = in.nextInt(4);
        for (int i = 0; i < n; i++) {
            String field = in.pick(fields);
            if (in.chance(0.15)) {
                event.remove(field);
            }
            else if (field.equals("plate") && in.chance(0.7)) {
                event.put(field, HostileInputs.quote(in.pick(HostileInputs.PLATES)));
            }
            else {
                event.put(field, in.jsonValue(now));
            }
        }
    }

    private static String body(HostileInputs in, Map<String, String> event) {
        String body = HostileInputs.object(event);
        return in.chance(0.15) ? in.broken(body) : body;
    }

    private HostileRequest json(String kind, HttpMethod method, String uri, String apiKey, String body) {
        return json(kind, method, uri, Map.of("X-Api-Key", apiKey), body);
    }

    private static HostileRequest json(String kind, HttpMethod method, String uri, Map<String, String> headers,
            String body) {
        return new HostileRequest(kind, method, uri, headers, JSON, body.getBytes(StandardCharsets.UTF_8), false);
    }

    // ---------------------------------------------------------------- records

    private List<ProducerRecord<String, String>> records(HostileInputs in, Instant now, String run) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String topic : List.of(OccupancyTopics.OCCUPANCY, SessionTopics.GATE_EVENTS)) {
            for (int i = 0; i < RECORDS_PER_TOPIC; i++) {
                String key = "hostile-" + run + "-" + i;
                boolean occupancy = topic.equals(OccupancyTopics.OCCUPANCY);
                String valid = occupancy
                        ? "{\"type\":\"LotCount\",\"lotId\":\"" + ownLot.id().value() + "\",\"observedAt\":\"" + now
                                + "\",\"free\":{\"GENERAL\":0}}"
                        : "{\"eventId\":\"" + key + "\",\"lotId\":\"" + ownLot.id().value() + "\",\"gateId\":\""
                                + ownEntry.id().value() + "\",\"direction\":\"ENTRY\",\"plate\":\""
                                + CityFixtures.freshPlate() + "\",\"plateColour\":\"BLUE\",\"observedAt\":\"" + now
                                + "\"}";
                ProducerRecord<String, String> record;
                switch (i % 5) {
                    case 0 -> record = new ProducerRecord<>(topic, key, in.chance(0.1) ? null : valid); // unsigned
                    case 1 -> { // forged: a signature over other bytes, an unknown key, garbage
                        record = new ProducerRecord<>(topic, key, valid);
                        switch (in.nextInt(3)) {
                            case 0 -> signatures.sign(record.headers(), TestCallers.OPERATOR_1_KEY_ID,
                                    (valid + " ").getBytes(StandardCharsets.UTF_8));
                            case 1 -> {
                                record.headers().add(RecordSignatures.KEY_ID_HEADER, "nosuchkey".getBytes());
                                record.headers().add(RecordSignatures.SIGNATURE_HEADER, "AAAA".getBytes());
                            }
                            default -> {
                                record.headers().add(RecordSignatures.KEY_ID_HEADER, in.randomBytes(40));
                                record.headers().add(RecordSignatures.SIGNATURE_HEADER, in.randomBytes(64));
                            }
                        }
                    }
                    case 2 -> { // another operator's place, correctly signed by that other operator
                        record = new ProducerRecord<>(topic, key, valid);
                        signatures.sign(record.headers(), TestCallers.OPERATOR_2_KEY_ID,
                                valid.getBytes(StandardCharsets.UTF_8));
                    }
                    default -> { // malformed or refused values, correctly signed by the owner
                        // the owner's record with a time it must refuse, then possibly broken further
                        String refused = valid.replace("\"" + now + "\"", in.pick(List.of("\"9999-12-31T23:59:59Z\"",
                                "\"yesterday\"", "[]", "1e309", "\"" + now.plusSeconds(86_400) + "\"")));
                        String value = switch (in.nextInt(5)) {
                            case 0 -> in.broken(refused);
                            case 1 -> HostileInputs.deepNesting('[', 600 + in.nextInt(5000));
                            case 2 -> refused;
                            case 3 -> refused.replace(ownLot.id().value(), in.pick(HostileInputs.STRINGS));
                            default -> in.jsonValue(now);
                        };
                        if (value.equals(valid)) {
                            value = valid + "}";
                        }
                        record = new ProducerRecord<>(topic, key, value);
                        signatures.sign(record.headers(), TestCallers.OPERATOR_1_KEY_ID,
                                value.getBytes(StandardCharsets.UTF_8));
                    }
                }
                records.add(record);
            }
        }
        return records;
    }

    /** Distinct keys of this run in each dead-letter topic, each with a reason, once all arrived (or 60 s). */
    private Map<String, Integer> awaitDeadLetters(String run) {
        Map<String, Set<String>> keys = new HashMap<>();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.getProducerFactory().getConfigurationProperties().get("bootstrap.servers"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hostile-" + run);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> topics = List.of(OccupancyTopics.OCCUPANCY_DLT, SessionTopics.GATE_EVENTS_DLT);
        List<String> withoutReason = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(topics);
            while (System.nanoTime() < deadline && !topics.stream().allMatch(t ->
                    keys.getOrDefault(t, Set.of()).size() >= RECORDS_PER_TOPIC)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.key() != null && record.key().startsWith("hostile-" + run + "-")) {
                        keys.computeIfAbsent(record.topic(), t -> new HashSet<>()).add(record.key());
                        var reason = record.headers().lastHeader(OccupancyTopics.DLT_REASON_HEADER);
                        if (reason == null || reason.value().length == 0) {
                            withoutReason.add(record.topic() + " " + record.key());
                        }
                        else {
                            String text = new String(reason.value(), StandardCharsets.UTF_8);
                            reasons.merge(record.topic() + " " + text.replaceAll("[:(].*", ""), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        log.info("Dead-letter reasons: {}", reasons);
        assertThat(withoutReason).as("dead letters without a reason header").isEmpty();
        Map<String, Integer> counts = new TreeMap<>();
        topics.forEach(topic -> counts.put(topic, keys.getOrDefault(topic, Set.of()).size()));
        return counts;
    }

    // ---------------------------------------------------------------- sending and state

    private List<Outcome> send(List<HostileRequest> requests) {
        // a connection per request: a connection the server closes after refusing a request (a 413 or 414 answered
        // before the body or line was read) is never reused, so a closed connection always means that request failed
        HttpClient http = HttpClient.create(reactor.netty.resources.ConnectionProvider.newConnection()).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .responseTimeout(Duration.ofSeconds(60));
        WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)) // open data is large
                .build();
        String base = "http://127.0.0.1:" + port;
        return Flux.fromIterable(requests)
                .flatMap(request -> Mono.defer(() -> {
                    WebClient.RequestBodySpec spec = client.method(request.method()).uri(URI.create(base + request.uri()))
                            .headers(headers -> request.headers().forEach(headers::set));
                    if (request.contentType() != null && !request.contentType().isEmpty()) {
                        spec = spec.header("Content-Type", request.contentType());
                    }
                    WebClient.RequestHeadersSpec<?> ready = request.body() == null ? spec : spec.bodyValue(request.body());
                    return ready.exchangeToMono(response -> {
                                int status = response.statusCode().value();
                                return response.bodyToMono(String.class).defaultIfEmpty("")
                                        .onErrorResume(e -> Mono.just("<unreadable body: " + e + ">"))
                                        .map(body -> new Outcome(request, status, null,
                                                body.length() > 2000 ? body.substring(0, 2000) : body));
                            })
                            .onErrorResume(e -> Mono.just(new Outcome(request, -1, e.toString(), "")));
                }).onErrorResume(e -> Mono.just(new Outcome(request, -2, "not sendable: " + e, ""))), IN_FLIGHT)
                .collectList()
                .block(Duration.ofMinutes(5));
    }

    private static boolean leaks(String body) {
        return body != null && Stream.of("\tat ", "Exception:", "org.springframework", "io.r2dbc", "SQLSTATE",
                "syntax error at", "java.lang.", "reactor.core").anyMatch(body::contains);
    }

    /** The state the campaign must not change, once two reads a second apart agree. */
    private String awaitSettledState() {
        String[] last = {""};
        String[] settled = {null};
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            String now = state();
            boolean same = now.equals(last[0]);
            last[0] = now;
            settled[0] = now;
            return same;
        });
        return settled[0];
    }

    private String state() {
        List<String> lots = List.of(ownLot.id().value(), otherLot.id().value(), segment.id().value());
        String rows = database.sql("""
                        SELECT concat_ws(' | ',
                          'sessions ' || (SELECT count(*) FROM parking_session),
                          'bills ' || (SELECT count(*) FROM bill),
                          'payments ' || (SELECT count(*) FROM payment),
                          'bindings ' || (SELECT count(*) FROM vehicle_binding),
                          'autopay ' || (SELECT count(*) FROM autopay_binding),
                          'drivers ' || (SELECT count(*) FROM driver_account),
                          'keys ' || (SELECT count(*) || '/' || count(revoked_at) FROM operator_api_key),
                          'anomalies ' || (SELECT count(*) FROM session_anomaly WHERE kind <> 'OVERSTAY'),
                          'lots ' || (SELECT count(*) || '/' || sum(version) FROM lot),
                          'bays ' || (SELECT count(*) FROM bay),
                          'here ' || (SELECT md5(coalesce(string_agg(s.id::text || s.status || s.plate
                              || coalesce(s.fee_fen::text, '-'), ',' ORDER BY s.id), ''))
                              FROM parking_session s WHERE s.place_id IN (:places)),
                          'lot ' || (SELECT md5(l::text) FROM lot l WHERE l.id = :lot),
                          'outbox ' || (SELECT count(*) FROM outbox WHERE message_key IN (:places)))
                          AS state
                        """)
                .bind("places", lots).bind("lot", ownLot.id().value())
                .map(row -> row.get("state", String.class)).one().block(Duration.ofSeconds(30));
        String live = Stream.of("av:{L:" + ownLot.id().value() + "}", "av:{L:" + otherLot.id().value() + "}",
                        "av:{S:" + segment.id().value() + "}")
                .map(key -> key + "=" + new TreeMap<>(redis.opsForHash().entries(key)
                        .collectMap(e -> String.valueOf(e.getKey()), e -> String.valueOf(e.getValue()))
                        .block(Duration.ofSeconds(30)))
                        + " flows=" + redis.opsForZSet().size(key + ":flows").block(Duration.ofSeconds(30)))
                .collect(Collectors.joining(" "));
        return rows + " || " + live;
    }

    /** After the campaign a valid, signed record on each topic is applied. */
    private void consumersStillApplyValidRecords(Instant now) throws Exception {
        String lotKey = "av:{L:" + ownLot.id().value() + "}";
        Map<Object, Object> before = redis.opsForHash().entries(lotKey)
                .collectMap(e -> e.getKey(), e -> e.getValue()).block(Duration.ofSeconds(30));
        int free = Math.max(0, ownLot.capacity().count(dev.citypark.registry.SpaceCategory.GENERAL) - 1);
        String count = "{\"type\":\"LotCount\",\"lotId\":\"" + ownLot.id().value() + "\",\"observedAt\":\""
                + Instant.now() + "\",\"free\":{\"GENERAL\":" + free + "}}";
        ProducerRecord<String, String> occupancy = new ProducerRecord<>(OccupancyTopics.OCCUPANCY,
                ownLot.id().value(), count);
        signatures.sign(occupancy.headers(), TestCallers.OPERATOR_1_KEY_ID, count.getBytes(StandardCharsets.UTF_8));
        kafka.send(occupancy).get(30, TimeUnit.SECONDS);
        String plate = CityFixtures.freshPlate();
        String entry = "{\"lotId\":\"" + ownLot.id().value() + "\",\"gateId\":\"" + ownEntry.id().value()
                + "\",\"direction\":\"ENTRY\",\"plate\":\"" + plate + "\",\"plateColour\":\"BLUE\",\"observedAt\":\""
                + Instant.now() + "\"}";
        ProducerRecord<String, String> gate = new ProducerRecord<>(SessionTopics.GATE_EVENTS, ownLot.id().value(), entry);
        signatures.sign(gate.headers(), TestCallers.OPERATOR_1_KEY_ID, entry.getBytes(StandardCharsets.UTF_8));
        kafka.send(gate).get(30, TimeUnit.SECONDS);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<Object, Object> after = redis.opsForHash().entries(lotKey)
                    .collectMap(e -> e.getKey(), e -> e.getValue()).block(Duration.ofSeconds(30));
            assertThat(after).as("the occupancy consumer applied a valid count").isNotEqualTo(before);
            assertThat(database.sql("SELECT count(*) AS n FROM parking_session WHERE plate = :plate")
                    .bind("plate", plate).map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(30)))
                    .as("the gate-event consumer opened a session").isEqualTo(1L);
        });
        web.get().uri("/api/v1/tariffs").exchange().expectStatus().isOk();
    }

    // ---------------------------------------------------------------- fixtures

    private Lot lastGatedLot(dev.citypark.core.OperatorId operator) {
        return registry.snapshot().listLotsOf(operator).stream()
                .filter(l -> gate(l, GateKind.ENTRY) != null && gate(l, GateKind.EXIT) != null)
                .max(Comparator.comparing(l -> l.id().value())).orElseThrow();
    }

    private static Gate gate(Lot lot, GateKind kind) {
        return lot.gates().stream().filter(g -> g.kind() == kind).findFirst().orElse(null);
    }
}
