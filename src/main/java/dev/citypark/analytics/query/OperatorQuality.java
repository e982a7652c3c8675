package dev.citypark.analytics.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.analytics.AnalyticsProperties;
import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityFlag;
import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.core.LotId;
import dev.citypark.occupancy.IngestCounters;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Operator;
import dev.citypark.registry.Registry;
import dev.citypark.registry.RegistrySnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operator data quality over a window (default 24 h): fresh share and stuck sensors from live availability now
 * (one pipelined read per operator), rejected and clamped reports from the ingest counters (the growth since the
 * sample taken at the window's start; counters are sampled every few minutes into
 * {@code analytics_operator_counters}), counter drift and gaps from the history, and {@link QualityScore}.
 */
@Component
public class OperatorQuality {

    private static final Logger log = LoggerFactory.getLogger(OperatorQuality.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;
    private final Registry registry;
    private final Availability availability;
    private final IngestCounters counters;
    private final Duration window;

    public OperatorQuality(DatabaseClient db, Registry registry, Availability availability, IngestCounters counters,
            AnalyticsProperties properties) {
        this.db = db;
        this.registry = registry;
        this.availability = availability;
        this.counters = counters;
        this.window = properties.qualityWindow();
    }

    /** The report (the JSON contract of {@code GET /api/v1/analytics/operators/quality}). */
    public record Report(Instant asOf, String window, List<Row> operators) {
    }

    public record Row(String operatorId, String name, int places, double freshShare, long rejected, long clamped,
                      int stuckSensors, int counterDrift, int gaps, int score) {
    }

    public Mono<Report> report(Instant now) {
        RegistrySnapshot city = registry.snapshot();
        Instant from = now.minus(window);
        Mono<Map<String, Integer>> gaps = gaps(from, now);
        Mono<Map<String, int[]>> drift = drift(city, from, now);
        return Mono.zip(gaps, drift).flatMap(history -> Flux.fromIterable(city.listOperators())
                .concatMap(operator -> row(city, operator, from, now, history.getT1(), history.getT2()))
                .collectList()
                .map(rows -> new Report(now, window.toString(), rows)));
    }

    private Mono<Row> row(RegistrySnapshot city, Operator operator, Instant from, Instant now,
            Map<String, Integer> gaps, Map<String, int[]> drift) {
        List<String> ids = new ArrayList<>();
        city.listLotsOf(operator.id()).forEach(l -> ids.add(l.id().value()));
        city.listSegmentsOf(operator.id()).forEach(s -> ids.add(s.id().value()));
        Mono<Map<String, PlaceAvailability>> live = ids.isEmpty() ? Mono.just(Map.of()) : availability.forPlaces(ids);
        return Mono.zip(live, windowCounters(operator.id().value(), from)).map(t -> {
            int fresh = 0;
            int stuck = 0;
            for (PlaceAvailability p : t.getT1().values()) {
                if (p.status() != AvailabilityStatus.UNKNOWN) {
                    fresh++;
                }
                if (p.flags().contains(AvailabilityFlag.POSSIBLY_STUCK_SENSOR)) {
                    stuck++;
                }
            }
            Map<String, Long> c = t.getT2();
            long rejected = 0;
            long clamped = 0;
            long reports = 0;
            for (var e : c.entrySet()) {
                String name = e.getKey();
                if (name.startsWith("rejected.")) {
                    rejected += e.getValue();
                    reports += e.getValue();
                }
                else if (name.equals("clamped")) {
                    clamped += e.getValue();
                    reports += e.getValue();
                }
                else if (name.equals("applied") || name.startsWith("ignored.")) {
                    reports += e.getValue();
                }
            }
            int places = ids.size();
            double freshShare = places == 0 ? 0 : Math.round(10_000.0 * fresh / places) / 10_000.0;
            int[] d = drift.getOrDefault(operator.id().value(), new int[2]);
            int g = gaps.getOrDefault(operator.id().value(), 0);
            int score = QualityScore.score(places, freshShare, reports, rejected, clamped, stuck, d[0], d[1], g);
            return new Row(operator.id().value(), operator.name(), places, freshShare, rejected, clamped, stuck,
                    d[0], g, score);
        });
    }

    /** Counter growth within the window: now minus the first sample at or after its start (or all if none). */
    private Mono<Map<String, Long>> windowCounters(String operator, Instant from) {
        Mono<Map<String, Long>> base = db.sql("SELECT counters::text AS c FROM analytics_operator_counters "
                        + "WHERE operator_id = :op AND sampled_at >= :from ORDER BY sampled_at LIMIT 1")
                .bind("op", operator)
                .bind("from", from)
                .map(row -> parse(row.get("c", String.class)))
                .one()
                .defaultIfEmpty(Map.of());
        return Mono.zip(counters.forOperator(dev.citypark.core.OperatorId.of(operator)), base).map(t -> {
            Map<String, Long> delta = new HashMap<>();
            t.getT1().forEach((k, v) -> delta.put(k, Math.max(0, v - t.getT2().getOrDefault(k, 0L))));
            return delta;
        });
    }

    private static Map<String, Long> parse(String json) {
        Map<String, Long> map = new HashMap<>();
        JsonNode node = JSON.readTree(json);
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }

    /** Per operator: places with at least one 5-minute bucket in the window without any fresh data. */
    private Mono<Map<String, Integer>> gaps(Instant from, Instant to) {
        return db.sql("SELECT operator_id, count(DISTINCT place_id) AS n FROM analytics_occupancy_5m "
                        + "WHERE bucket_start >= :from AND bucket_start < :to AND known_ss = 0 AND unknown_ss > 0 "
                        + "GROUP BY 1")
                .bind("from", from)
                .bind("to", to)
                .map(row -> Map.entry(row.get("operator_id", String.class), row.get("n", Number.class).intValue()))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Per operator: {drifting lots, lots compared}. A lot is compared when it has fresh history and session events
     * in the window: the change of its occupied count (first to last fresh bucket) against entries − exits between;
     * it drifts when they differ by more than max(2, 5 % of capacity).
     */
    private Mono<Map<String, int[]>> drift(RegistrySnapshot city, Instant from, Instant to) {
        return db.sql("WITH b AS (SELECT place_id, operator_id, bucket_start, "
                        + "sum(occupied_ss / known_ss * capacity) AS occ FROM analytics_occupancy_5m "
                        + "WHERE kind = 'LOT' AND bucket_start >= :from AND bucket_start < :to AND known_ss > 0 "
                        + "GROUP BY 1, 2, 3), "
                        + "e AS (SELECT place_id, min(bucket_start) AS f, max(bucket_start) AS l FROM b GROUP BY 1), "
                        + "ends AS (SELECT e.place_id, bf.operator_id, e.f, e.l, bl.occ - bf.occ AS delta FROM e "
                        + "JOIN b bf ON bf.place_id = e.place_id AND bf.bucket_start = e.f "
                        + "JOIN b bl ON bl.place_id = e.place_id AND bl.bucket_start = e.l WHERE e.l > e.f), "
                        + "s AS (SELECT ends.place_id, "
                        + "count(*) FILTER (WHERE x.entry_at >= ends.f AND x.entry_at < ends.l) "
                        + "- count(*) FILTER (WHERE x.exit_at >= ends.f AND x.exit_at < ends.l) AS net "
                        + "FROM ends JOIN analytics_session x ON x.place_id = ends.place_id "
                        + "AND ((x.entry_at >= ends.f AND x.entry_at < ends.l) "
                        + "OR (x.exit_at >= ends.f AND x.exit_at < ends.l)) GROUP BY 1) "
                        + "SELECT ends.place_id, ends.operator_id, ends.delta, s.net FROM ends JOIN s USING (place_id)")
                .bind("from", from)
                .bind("to", to)
                .map(row -> new Object[] {row.get("place_id", String.class), row.get("operator_id", String.class),
                        row.get("delta", Number.class).doubleValue(), row.get("net", Number.class).longValue()})
                .all()
                .collect(HashMap<String, int[]>::new, (map, r) -> {
                    int capacity = city.findLot(LotId.of((String) r[0])).map(Lot::capacity)
                            .map(c -> c.total()).orElse(0);
                    boolean drifts = Math.abs((Double) r[2] - (Long) r[3]) > Math.max(2, 0.05 * capacity);
                    int[] counts = map.computeIfAbsent((String) r[1], k -> new int[2]);
                    counts[0] += drifts ? 1 : 0;
                    counts[1]++;
                });
    }

    /** Samples every operator's ingest counters (so windows can be reported) and drops samples older than 8 days. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${citypark.analytics.counter-sample-every:5m}")
    Mono<Void> sampleCounters() {
        return Mono.defer(() -> {
            Instant now = Instant.now();
            return Flux.fromIterable(registry.snapshot().listOperators())
                    .flatMap(op -> counters.forOperator(op.id()).flatMap(c -> db.sql(
                                    "INSERT INTO analytics_operator_counters (operator_id, sampled_at, counters) "
                                            + "VALUES (:op, :at, CAST(:c AS jsonb)) ON CONFLICT DO NOTHING")
                            .bind("op", op.id().value())
                            .bind("at", now)
                            .bind("c", JSON.writeValueAsString(c))
                            .then()), 4)
                    .then(db.sql("DELETE FROM analytics_operator_counters WHERE sampled_at < :old")
                            .bind("old", now.minus(Duration.ofDays(8)))
                            .then());
        }).onErrorResume(e -> {
            log.warn("Sampling ingest counters failed: {}", e.toString());
            return Mono.empty();
        });
    }

}
