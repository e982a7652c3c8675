package dev.citypark.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.analytics.history.OccupancyHistory;
import dev.citypark.availability.AppliedPlaceState;
import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.CategoryAvailability;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.availability.PlaceRef;
import dev.citypark.availability.SignedRecords;
import dev.citypark.availability.TestPlaces;
import dev.citypark.occupancy.LotCount;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.security.RecordSignatures;
import dev.citypark.security.TestCallers;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A known synthetic week through the real pipeline: lot counts for two lots of one district go as signed records into
 * {@code citypark.occupancy.v1}, availability applies them and publishes each applied state to
 * {@code citypark.availability.v1}, analytics buckets them; session events go into {@code citypark.sessions.v1}.
 * The bureau API's utilization (by district per day, by lot per hour), turnover and dwell are compared with values
 * this test computes itself, minute by minute (every event time is a whole minute, so that is exact).
 * <p>
 * The week lies four weeks back and the lots are this class's own, so other test classes' data (now-ish, other
 * places) cannot fall into it. Each step waits until Redis holds it, so every state is applied — and published —
 * on its own.
 */
@CityparkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsPipelineIntegrationTest {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final Duration LOT_STALE = Duration.ofMinutes(30);
    private static final int[] GAPS_MINUTES = {20, 120, 240, 45, 180, 35};
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;
    @Autowired
    Registry registry;
    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    RecordSignatures signatures;
    @Autowired
    Availability availability;
    @Autowired
    DatabaseClient db;
    @Autowired
    OccupancyHistory history;
    @Autowired
    OccupancyForecasts forecasts;

    Instant weekStart;
    Instant weekEnd;
    List<Lot> lots;
    /** Per lot: event times and total occupied at each. */
    final Map<String, List<Instant>> times = new LinkedHashMap<>();
    final Map<String, List<Integer>> occupied = new LinkedHashMap<>();
    /** Per lot: occupied per category at each event. */
    final Map<String, List<Map<SpaceCategory, Integer>>> occupiedByCategory = new LinkedHashMap<>();
    final List<long[]> stays = new ArrayList<>(); // entry epoch second, exit epoch second
    Consumer<HttpHeaders> bureau;

    @BeforeAll
    void feedASyntheticWeek() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(60))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        weekStart = LocalDate.now(LOCAL).minusWeeks(4).atStartOfDay(LOCAL).toInstant();
        weekEnd = weekStart.plus(Duration.ofDays(7));
        TestPlaces places = new TestPlaces(registry, redis);
        List<Lot> candidates = places.countedLotsOf(TestCallers.OPERATOR_1, 80, 40);
        Map<String, List<Lot>> byDistrict = candidates.stream()
                .collect(Collectors.groupingBy(Lot::districtCode, LinkedHashMap::new, Collectors.toList()));
        lots = byDistrict.values().stream().filter(l -> l.size() >= 2).findFirst().orElseThrow().subList(0, 2);

        // the schedule: both lots report at the same times, with gaps some shorter, some longer than the stale time
        List<Instant> schedule = new ArrayList<>();
        Instant t = weekStart;
        for (int i = 0; t.isBefore(weekEnd); i++) {
            schedule.add(t);
            t = t.plus(Duration.ofMinutes(GAPS_MINUTES[i % GAPS_MINUTES.length]));
        }
        schedule.add(weekEnd);
        for (Lot lot : lots) {
            times.put(lot.id().value(), new ArrayList<>());
            occupied.put(lot.id().value(), new ArrayList<>());
            occupiedByCategory.put(lot.id().value(), new ArrayList<>());
        }
        for (int step = 0; step < schedule.size(); step++) {
            Instant at = schedule.get(step);
            for (int l = 0; l < lots.size(); l++) {
                Lot lot = lots.get(l);
                Map<SpaceCategory, Integer> occ = new EnumMap<>(SpaceCategory.class);
                int total = 0;
                for (Map.Entry<SpaceCategory, Integer> c : lot.capacity().asMap().entrySet()) {
                    if (c.getValue() > 0) {
                        int value = c.getValue() * ((step * 37 + l * 11 + c.getKey().ordinal() * 7) % 101) / 100;
                        occ.put(c.getKey(), value);
                        total += value;
                    }
                }
                times.get(lot.id().value()).add(at);
                occupied.get(lot.id().value()).add(total);
                occupiedByCategory.get(lot.id().value()).add(occ);
                kafka.send(SignedRecords.signed(signatures, lot.id().value(), new LotCount(lot.operator(), lot.id(),
                        at, Map.of(), occ, false, null))).join();
            }
            awaitApplied(at);
        }
        sendSessions(lots.get(0));
        bureau = TestCallers.bureau(web);
        List<String> ids = lots.stream().map(l -> l.id().value()).toList();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.sql("SELECT count(*) AS n FROM analytics_place WHERE place_id = ANY(:ids) AND observed_at = :end")
                        .bind("ids", ids.toArray(String[]::new)).bind("end", weekEnd)
                        .map(row -> row.get("n", Long.class)).one().block() == lots.size());
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                db.sql("SELECT count(*) AS n FROM analytics_session WHERE place_id = :lot AND entry_at >= :from "
                                + "AND entry_at < :to AND exit_at IS NOT NULL")
                        .bind("lot", lots.get(0).id().value()).bind("from", weekStart).bind("to", weekEnd)
                        .map(row -> row.get("n", Long.class)).one().block() == stays.size());
    }

    private void awaitApplied(Instant at) {
        List<String> ids = lots.stream().map(l -> l.id().value()).toList();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
            Map<String, PlaceAvailability> live = availability.forPlaces(ids).block();
            return live.values().stream().allMatch(p -> at.equals(p.updatedAt()));
        });
    }

    private void sendSessions(Lot lot) {
        String lotId = lot.id().value();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant entry = weekStart.plus(Duration.ofHours(4L * i)).plus(Duration.ofMinutes(7));
            Instant exit = entry.plus(Duration.ofMinutes(15 + (i * 53L) % 300));
            stays.add(new long[] {entry.getEpochSecond(), exit.getEpochSecond()});
            UUID session = UUID.randomUUID();
            String plate = String.format("鲁B%05d", 70000 + i);
            ProducerRecord<String, String> opened = session(lotId, "SessionOpened", session, plate, entry, entry,
                    null, null);
            ProducerRecord<String, String> closed = session(lotId, "SessionClosed", session, plate, exit, entry,
                    exit, 500L + i);
            if (i % 5 == 0) {
                records.add(closed); // out of order: the facts merge field by field
                records.add(opened);
            }
            else {
                records.add(opened);
                records.add(closed);
            }
            if (i % 7 == 0) {
                records.add(closed); // a redelivery: the same event id again
            }
        }
        records.forEach(r -> kafka.send(r).join());
    }

    private static ProducerRecord<String, String> session(String lotId, String type, UUID session, String plate,
            Instant occurredAt, Instant entry, Instant exit, Long fee) {
        UUID eventId = UUID.nameUUIDFromBytes((session + type).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ObjectNode n = JSON.createObjectNode()
                .put("type", type).put("eventId", eventId.toString()).put("sessionId", session.toString())
                .put("placeKind", "LOT").put("placeId", lotId).put("operatorId", "OP-GAR-01")
                .put("districtCode", "370202").putNull("bayId").put("gateId", lotId + "-G1").put("plate", plate)
                .put("plateColour", "BLUE").put("category", "GENERAL").put("occurredAt", occurredAt.toString())
                .put("entryAt", entry.toString()).put("exitAt", exit == null ? null : exit.toString());
        if (fee == null) {
            n.putNull("feeFen");
        }
        else {
            n.put("feeFen", fee);
        }
        n.putNull("paidFen").putNull("settlement");
        return new ProducerRecord<>("citypark.sessions.v1", lotId, JSON.writeValueAsString(n));
    }

    // ---- the independent computation: minute by minute

    /**
     * {known, occupied, unknown} space-seconds of one lot over [from, to), and the sum over its categories of each
     * category's highest occupied count while fresh (what maxOccupied reports: an upper bound of the total's maximum).
     */
    private double[] expected(Lot lot, Instant from, Instant to) {
        List<Instant> ts = times.get(lot.id().value());
        List<Integer> occ = occupied.get(lot.id().value());
        int capacity = lot.capacity().total();
        double known = 0;
        double occSs = 0;
        double unknown = 0;
        Map<SpaceCategory, Integer> maxByCategory = new EnumMap<>(SpaceCategory.class);
        for (Instant m = from; m.isBefore(to); m = m.plusSeconds(60)) {
            int k = -1;
            for (int i = 0; i < ts.size() && !ts.get(i).isAfter(m); i++) {
                k = i;
            }
            if (k < 0) {
                continue; // before the first report: no data at all
            }
            boolean fresh = m.isBefore(ts.get(k).plus(LOT_STALE));
            if (fresh) {
                known += capacity * 60.0;
                occSs += occ.get(k) * 60.0;
                occupiedByCategory.get(lot.id().value()).get(k)
                        .forEach((c, v) -> maxByCategory.merge(c, v, Math::max));
            }
            else {
                unknown += capacity * 60.0;
            }
        }
        int max = maxByCategory.values().stream().mapToInt(Integer::intValue).sum();
        return new double[] {known, occSs, unknown, max};
    }

    // ---- utilization

    @Test
    void utilizationByDistrictPerDayMatchesTheWeek() {
        String district = lots.get(0).districtCode();
        Map<String, Object> body = web.get().uri(u -> u.path("/api/v1/analytics/utilization")
                        .queryParam("groupBy", "district").queryParam("interval", "1d")
                        .queryParam("from", weekStart.toString()).queryParam("to", weekEnd.toString()).build())
                .headers(bureau)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(body).containsOnlyKeys("groupBy", "interval", "from", "to", "series")
                .containsEntry("groupBy", "district").containsEntry("interval", "1d");
        Map<String, Object> series = series(body, district);
        assertThat(series).containsOnlyKeys("key", "name", "capacity", "points");
        assertThat(series.get("name")).isEqualTo(registry.snapshot().findDistrict(district).orElseThrow().name());
        long capacity = ((Number) series.get("capacity")).longValue();
        assertThat(capacity).isEqualTo(registry.snapshot().findDistrictSummary(district).orElseThrow().totalSpaces());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) series.get("points");
        assertThat(points).hasSize(7);
        for (int day = 0; day < 7; day++) {
            Instant from = weekStart.plus(Duration.ofDays(day));
            Instant to = from.plus(Duration.ofDays(1));
            double known = 0;
            double occ = 0;
            double unknown = 0;
            int max = 0;
            for (Lot lot : lots) {
                double[] e = expected(lot, from, to);
                known += e[0];
                occ += e[1];
                unknown += e[2];
                max += (int) e[3];
            }
            Map<String, Object> point = points.get(day);
            assertThat(point).containsOnlyKeys("start", "occupancyRate", "meanOccupied", "maxOccupied",
                    "staleShare");
            assertThat(Instant.parse((String) point.get("start"))).isEqualTo(from);
            double rate = ((Number) point.get("occupancyRate")).doubleValue();
            assertThat(rate).isCloseTo(occ / known, within(1e-3));
            assertThat(((Number) point.get("staleShare")).doubleValue())
                    .isCloseTo(unknown / (known + unknown), within(1e-3));
            assertThat(((Number) point.get("meanOccupied")).doubleValue())
                    .isCloseTo(occ / known * capacity, within(capacity * 1e-4 + 0.1)); // the rate is rounded to 1e-4
            assertThat(((Number) point.get("maxOccupied")).intValue()).isEqualTo(max);
        }
    }

    @Test
    void utilizationByLotPerHourMatchesTheWeekAndStreamsAsCsv() {
        Lot lot = lots.get(0);
        Instant from = weekStart.plus(Duration.ofDays(2));
        Instant to = from.plus(Duration.ofDays(1));
        Map<String, Object> body = web.get().uri(u -> u.path("/api/v1/analytics/utilization")
                        .queryParam("groupBy", "lot").queryParam("interval", "1h").queryParam("keys", lot.id().value())
                        .queryParam("from", from.toString()).queryParam("to", to.toString()).build())
                .headers(bureau)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) series(body, lot.id().value()).get("points");
        assertThat(points).hasSize(24);
        for (int h = 0; h < 24; h++) {
            double[] e = expected(lot, from.plus(Duration.ofHours(h)), from.plus(Duration.ofHours(h + 1)));
            Object rate = points.get(h).get("occupancyRate");
            if (e[0] == 0) {
                assertThat(rate).as("hour %d has no fresh data", h).isNull();
            }
            else {
                assertThat(((Number) rate).doubleValue()).as("hour %d", h).isCloseTo(e[1] / e[0], within(1e-3));
            }
            assertThat(((Number) points.get(h).get("staleShare")).doubleValue())
                    .isCloseTo(e[2] / (e[0] + e[2]), within(1e-3));
        }

        String csv = web.get().uri(u -> u.path("/api/v1/analytics/utilization")
                        .queryParam("groupBy", "lot").queryParam("interval", "1h").queryParam("keys", lot.id().value())
                        .queryParam("from", from.toString()).queryParam("to", to.toString()).build())
                .headers(bureau)
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/csv"))
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"utilization-lot-1h.csv\"")
                .expectBody(String.class).returnResult().getResponseBody();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("key,name,capacity,start,occupancyRate,meanOccupied,maxOccupied,staleShare");
        assertThat(lines).hasSize(25);
        assertThat(lines[1]).startsWith(lot.id().value() + ",");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> series(Map<String, Object> body, String key) {
        return ((List<Map<String, Object>>) body.get("series")).stream()
                .filter(s -> key.equals(s.get("key"))).findFirst().orElseThrow();
    }

    // ---- sessions

    @Test
    void turnoverAndDwellMatchTheSessionsSent() {
        Lot lot = lots.get(0);
        Map<String, Object> turnover = web.get().uri(u -> u.path("/api/v1/analytics/turnover")
                        .queryParam("groupBy", "lot").queryParam("from", weekStart.toString())
                        .queryParam("to", weekEnd.toString()).build())
                .headers(bureau).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        Map<String, Object> row = row(turnover, lot.id().value());
        assertThat(((Number) row.get("sessions")).longValue()).isEqualTo(stays.size());
        assertThat(((Number) row.get("turnover")).doubleValue())
                .isCloseTo(stays.size() / (lot.capacity().total() * 7.0), within(1e-4));

        Map<String, Object> dwell = web.get().uri(u -> u.path("/api/v1/analytics/dwell")
                        .queryParam("groupBy", "lot").queryParam("from", weekStart.toString())
                        .queryParam("to", weekEnd.toString()).build())
                .headers(bureau).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        double[] minutes = stays.stream().mapToDouble(s -> (s[1] - s[0]) / 60.0).sorted().toArray();
        Map<String, Object> d = row(dwell, lot.id().value());
        assertThat(((Number) d.get("sessions")).longValue()).isEqualTo(stays.size());
        assertThat(((Number) d.get("meanMinutes")).doubleValue())
                .isCloseTo(Arrays.stream(minutes).average().orElseThrow(), within(0.01));
        assertThat(((Number) d.get("medianMinutes")).doubleValue()).isCloseTo(percentile(minutes, 0.5), within(0.01));
        assertThat(((Number) d.get("p90Minutes")).doubleValue()).isCloseTo(percentile(minutes, 0.9), within(0.01));

        List<String> hashes = db.sql("SELECT plate_hash FROM analytics_session WHERE place_id = :lot "
                        + "AND entry_at >= :from AND entry_at < :to")
                .bind("lot", lot.id().value()).bind("from", weekStart).bind("to", weekEnd)
                .map(r -> r.get("plate_hash", String.class)).all().collectList().block();
        assertThat(hashes).hasSize(stays.size()).allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
    private static double percentile(double[] sorted, double p) {
        double rank = p * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(Map<String, Object> body, String key) {
        return ((List<Map<String, Object>>) body.get("rows")).stream()
                .filter(s -> key.equals(s.get("key"))).findFirst().orElseThrow();
    }

    // ---- the rest of the API, briefly

    @Test
    void peaksHeatmapQualityAndForecastAnswer() {
        Lot lot = lots.get(0);
        web.get().uri(u -> u.path("/api/v1/analytics/peaks").queryParam("groupBy", "lot")
                        .queryParam("from", weekStart.toString()).queryParam("to", weekEnd.toString()).build())
                .headers(bureau).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.rows[?(@.key == '%s')].weekdays.length()".formatted(lot.id().value()))
                .isEqualTo(List.of(7));

        Instant at = weekStart.plus(Duration.ofMinutes(5));
        web.get().uri(u -> u.path("/api/v1/analytics/heatmap").queryParam("at", at.toString()).build())
                .headers(bureau).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.type").isEqualTo("FeatureCollection")
                .jsonPath("$.features[?(@.properties.id == '%s')].properties.kind".formatted(lot.id().value()))
                .isEqualTo(List.of("LOT"))
                .jsonPath("$.features[?(@.properties.id == '%s')].properties.capacity".formatted(lot.id().value()))
                .isEqualTo(List.of(lot.capacity().total()));

        web.get().uri("/api/v1/analytics/operators/quality").headers(bureau).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.window").isEqualTo("PT24H")
                .jsonPath("$.asOf").exists()
                .jsonPath("$.operators[?(@.operatorId == 'OP-GAR-01')].places").exists()
                .jsonPath("$.operators[0].score").isNumber();

        dev.citypark.analytics.forecast.LotForecasts lotForecasts =
                (dev.citypark.analytics.forecast.LotForecasts) forecasts;
        LotForecast forecast = lotForecasts.forecastAt(lot.id(), weekEnd.minus(Duration.ofHours(1))).block();
        assertThat(forecast).isNotNull();
        assertThat(forecast.steps()).hasSize(8).allSatisfy(s -> assertThat(s.occupancyRate()).isBetween(0.0, 1.0));
        lotForecasts.store(forecast).block();
        var accuracy = lotForecasts.accuracy(weekEnd.plus(Duration.ofHours(2)), 7).block();
        assertThat(accuracy.lots()).anySatisfy(r -> {
            assertThat(r.lotId()).isEqualTo(lot.id().value());
            assertThat(r.maeRate()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void redeliveredStatesChangeNothing() {
        String place = "QD-L-IDEMPOTENT-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = weekStart.minus(Duration.ofDays(2));
        List<AppliedPlaceState> batch = List.of(state(place, t0, 10), state(place, t0.plusSeconds(600), 30),
                state(place, t0.plusSeconds(900), 50));
        history.record(batch, Instant.now()).block();
        String sums = "SELECT sum(known_ss) || '/' || sum(occupied_ss) || '/' || sum(samples) AS s "
                + "FROM analytics_occupancy_5m WHERE place_id = :p";
        String before = db.sql(sums).bind("p", place).map(r -> r.get("s", String.class)).one().block();

        assertThat(history.record(batch, Instant.now()).block()).isZero();
        assertThat(history.record(batch.subList(0, 2), Instant.now()).block()).isZero();
        assertThat(db.sql(sums).bind("p", place).map(r -> r.get("s", String.class)).one().block()).isEqualTo(before);
        assertThat(before).isEqualTo("90000/15000/3");
    }

    private static AppliedPlaceState state(String place, Instant at, int occupied) {
        return new AppliedPlaceState(PlaceRef.lot(place), "OP-GAR-01", "370202", AvailabilityStatus.OPEN, at,
                false, 100, occupied, 100 - occupied, 0,
                Map.of(SpaceCategory.GENERAL, new CategoryAvailability(100, 100 - occupied, occupied, 0)), at);
    }

    // ---- bad input

    @Test
    void refusesBadParametersWithProblems() {
        String from = weekStart.toString();
        String to = weekEnd.toString();
        badRequest("/api/v1/analytics/utilization?groupBy=street&interval=1h&from=" + from + "&to=" + to, "groupBy");
        badRequest("/api/v1/analytics/utilization?groupBy=lot&interval=2h&from=" + from + "&to=" + to, "interval");
        badRequest("/api/v1/analytics/utilization?groupBy=lot&interval=1h&from=" + to + "&to=" + from, "from");
        badRequest("/api/v1/analytics/utilization?groupBy=lot&interval=1d&from="
                + weekEnd.minus(Duration.ofDays(401)) + "&to=" + to, "to");
        badRequest("/api/v1/analytics/utilization?groupBy=lot&interval=5m&from="
                + weekEnd.minus(Duration.ofDays(30)) + "&to=" + to, "interval");
        badRequest("/api/v1/analytics/turnover?groupBy=category&from=" + from + "&to=" + to, "groupBy");
        badRequest("/api/v1/analytics/dwell?groupBy=lot&from=yesterday&to=" + to, "from");
        web.get().uri("/api/v1/analytics/operators/quality").exchange().expectStatus().isUnauthorized();
    }

    private void badRequest(String uri, String field) {
        web.get().uri(uri).headers(bureau).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(d -> assertThat(d.toString()).isNotBlank());
    }
}
