package dev.citypark.analytics.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.analytics.AnalyticsProperties;
import dev.citypark.availability.AppliedPlaceState;
import dev.citypark.availability.AvailabilityProperties;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Writes the occupancy history: a batch of applied place states in one transaction. The places' previous states are
 * locked ({@code FOR UPDATE}); a state observed no later than the stored one is a redelivery (or older) and is
 * ignored, so redelivery changes nothing; every newer state closes the previous state's interval, which
 * {@link BucketMath} spreads over buckets, and the 5-minute buckets, daily and monthly roll-ups are upserted additively
 * with one {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO UPDATE} statement each.
 */
@Component
public class OccupancyHistory {


    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final Duration lotStaleAfter;
    private final Duration segmentStaleAfter;
    private final Duration flushIdleAfter;

    public OccupancyHistory(DatabaseClient db, TransactionalOperator transactions, AvailabilityProperties availability,
            AnalyticsProperties properties) {
        this.db = db;
        this.transactions = transactions;
        this.lotStaleAfter = availability.lotStaleAfter();
        this.segmentStaleAfter = availability.bayStaleAfter();
        this.flushIdleAfter = properties.flushIdleAfter();
    }

    /** The place's stored state and how far it has been added to the buckets. */
    record Stored(PlaceState state, Instant integratedTo) {
    }

    Duration staleAfter(PlaceState state) {
        return "LOT".equals(state.kind()) ? lotStaleAfter : segmentStaleAfter;
    }

    /** Records a batch (in topic order per place); completes when committed. */
    public Mono<Integer> record(List<AppliedPlaceState> batch, Instant now) {
        if (batch.isEmpty()) {
            return Mono.just(0);
        }
        List<String> ids = batch.stream().map(s -> s.place().id()).distinct().toList();
        return transactions.transactional(lock(ids).flatMap(stored -> {
            BucketMath math = new BucketMath();
            Map<String, Stored> latest = new LinkedHashMap<>(stored);
            Map<String, Stored> changed = new LinkedHashMap<>();
            int applied = 0;
            for (AppliedPlaceState applied0 : batch) {
                PlaceState next = PlaceState.of(applied0);
                Stored previous = latest.get(next.placeId());
                if (previous != null && !next.observedAt().isAfter(previous.state().observedAt())) {
                    continue;
                }
                Instant integratedTo = next.observedAt();
                if (previous != null) {
                    math.integrate(previous.state(), previous.integratedTo(), next.observedAt(),
                            staleAfter(previous.state()));
                    if (previous.integratedTo().isAfter(integratedTo)) {
                        integratedTo = previous.integratedTo();
                    }
                }
                math.sample(next);
                Stored now0 = new Stored(next, integratedTo);
                latest.put(next.placeId(), now0);
                changed.put(next.placeId(), now0);
                applied++;
            }
            int count = applied;
            return savePlaces(changed.values(), now).then(write(math)).thenReturn(count);
        }));
    }

    /**
     * Carries forward the state of places that have been quiet for {@code flush-idle-after}: their interval up to
     * {@code now} is added (as stale time once older than the stale time). At most {@code limit} places per call;
     * places being written by a consumer are skipped, not waited for.
     */
    public Mono<Integer> flushIdle(Instant now, int limit) {
        return transactions.transactional(db.sql("SELECT * FROM analytics_place WHERE received_at < :idle "
                        + "AND integrated_to < :upTo ORDER BY integrated_to LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("idle", now.minus(flushIdleAfter))
                .bind("upTo", BucketMath.bucketOf(now))
                .bind("limit", limit)
                .map(OccupancyHistory::stored)
                .all()
                .collectList()
                .flatMap(places -> {
                    if (places.isEmpty()) {
                        return Mono.just(0);
                    }
                    BucketMath math = new BucketMath();
                    List<String> ids = new ArrayList<>();
                    for (Stored s : places) {
                        math.integrate(s.state(), s.integratedTo(), now, staleAfter(s.state()));
                        ids.add(s.state().placeId());
                    }
                    return db.sql("UPDATE analytics_place SET integrated_to = :now WHERE place_id = ANY(:ids)")
                            .bind("now", now)
                            .bind("ids", ids.toArray(String[]::new))
                            .then()
                            .then(write(math))
                            .thenReturn(places.size());
                }));
    }

    private Mono<Map<String, Stored>> lock(List<String> ids) {
        return db.sql("SELECT * FROM analytics_place WHERE place_id = ANY(:ids) ORDER BY place_id FOR UPDATE")
                .bind("ids", ids.toArray(String[]::new))
                .map(OccupancyHistory::stored)
                .all()
                .collectMap(s -> s.state().placeId());
    }

    private static Stored stored(Readable row) {
        String[] categories = row.get("categories", String[].class);
        Integer[] capacity = row.get("capacity", Integer[].class);
        Integer[] occupied = row.get("occupied", Integer[].class);
        Integer[] unknown = row.get("unknown", Integer[].class);
        List<PlaceState.CategoryState> list = new ArrayList<>(categories.length);
        for (int i = 0; i < categories.length; i++) {
            list.add(new PlaceState.CategoryState(categories[i], capacity[i], occupied[i], unknown[i]));
        }
        PlaceState state = new PlaceState(row.get("place_id", String.class), row.get("kind", String.class),
                row.get("operator_id", String.class), row.get("district_code", String.class),
                row.get("observed_at", Instant.class), Boolean.TRUE.equals(row.get("stale", Boolean.class)), list);
        return new Stored(state, row.get("integrated_to", Instant.class));
    }

    private Mono<Void> savePlaces(java.util.Collection<Stored> places, Instant now) {
        if (places.isEmpty()) {
            return Mono.empty();
        }
        // one statement; arrays of arrays are not expressible with unnest, so categories travel as text joined by ','
        List<Stored> list = List.copyOf(places);
        return db.sql("INSERT INTO analytics_place (place_id, kind, operator_id, district_code, observed_at, "
                        + "integrated_to, received_at, stale, categories, capacity, occupied, unknown) "
                        + "SELECT p, k, o, d, oa, it, :now, st, string_to_array(c, ','), "
                        + "CAST(string_to_array(cp, ',') AS int[]), CAST(string_to_array(oc, ',') AS int[]), "
                        + "CAST(string_to_array(un, ',') AS int[]) "
                        + "FROM unnest(CAST(:p AS text[]), CAST(:k AS text[]), CAST(:o AS text[]), CAST(:d AS text[]), "
                        + "CAST(:oa AS timestamptz[]), CAST(:it AS timestamptz[]), CAST(:st AS boolean[]), "
                        + "CAST(:c AS text[]), CAST(:cp AS text[]), CAST(:oc AS text[]), CAST(:un AS text[])) "
                        + "AS t(p, k, o, d, oa, it, st, c, cp, oc, un) "
                        + "ON CONFLICT (place_id) DO UPDATE SET kind = EXCLUDED.kind, operator_id = EXCLUDED.operator_id, "
                        + "district_code = EXCLUDED.district_code, observed_at = EXCLUDED.observed_at, "
                        + "integrated_to = EXCLUDED.integrated_to, received_at = EXCLUDED.received_at, "
                        + "stale = EXCLUDED.stale, categories = EXCLUDED.categories, capacity = EXCLUDED.capacity, "
                        + "occupied = EXCLUDED.occupied, unknown = EXCLUDED.unknown")
                .bind("now", now)
                .bind("p", list.stream().map(s -> s.state().placeId()).toArray(String[]::new))
                .bind("k", list.stream().map(s -> s.state().kind()).toArray(String[]::new))
                .bind("o", list.stream().map(s -> s.state().operatorId()).toArray(String[]::new))
                .bind("d", list.stream().map(s -> s.state().districtCode()).toArray(String[]::new))
                .bind("oa", list.stream().map(s -> s.state().observedAt().toString()).toArray(String[]::new))
                .bind("it", list.stream().map(s -> s.integratedTo().toString()).toArray(String[]::new))
                .bind("st", list.stream().map(s -> s.state().stale()).toArray(Boolean[]::new))
                .bind("c", list.stream().map(s -> join(s, PlaceState.CategoryState::category)).toArray(String[]::new))
                .bind("cp", list.stream().map(s -> join(s, c -> Integer.toString(c.capacity())))
                        .toArray(String[]::new))
                .bind("oc", list.stream().map(s -> join(s, c -> Integer.toString(c.occupied())))
                        .toArray(String[]::new))
                .bind("un", list.stream().map(s -> join(s, c -> Integer.toString(c.unknown())))
                        .toArray(String[]::new))
                .then();
    }

    private static String join(Stored s, java.util.function.Function<PlaceState.CategoryState, String> f) {
        return String.join(",", s.state().categories().stream().map(f).toList());
    }

    private Mono<Void> write(BucketMath math) {
        return upsert("analytics_occupancy_5m", "bucket_start", "timestamptz",
                keysOf(math.buckets(), k -> new Object[] {k.placeId(), k.category(), k.start().toString()}))
                .then(upsert("analytics_occupancy_daily", "day", "date",
                        keysOf(math.days(), k -> new Object[] {k.placeId(), k.category(), k.period().toString()})))
                .then(upsert("analytics_occupancy_monthly", "month", "date",
                        keysOf(math.months(), k -> new Object[] {k.placeId(), k.category(), k.period().toString()})));
    }

    private record Row(Object[] key, BucketMath.Increment inc) {
    }

    private static <K> List<Row> keysOf(Map<K, BucketMath.Increment> map, java.util.function.Function<K, Object[]> key) {
        List<Row> rows = new ArrayList<>(map.size());
        map.forEach((k, inc) -> rows.add(new Row(key.apply(k), inc)));
        return rows;
    }

    private Mono<Void> upsert(String table, String periodColumn, String periodType, List<Row> rows) {
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        String sql = "INSERT INTO " + table + " (" + periodColumn + ", place_id, category, kind, operator_id, "
                + "district_code, capacity, known_ss, occupied_ss, unknown_ss, max_occupied, samples) "
                + "SELECT CAST(b AS " + periodType + "), p, c, k, o, d, cp, kn, oc, un, mx, sa FROM unnest("
                + "CAST(:b AS text[]), CAST(:p AS text[]), CAST(:c AS text[]), CAST(:k AS text[]), "
                + "CAST(:o AS text[]), CAST(:d AS text[]), CAST(:cp AS int[]), CAST(:kn AS float8[]), "
                + "CAST(:oc AS float8[]), CAST(:un AS float8[]), CAST(:mx AS int[]), CAST(:sa AS int[])) "
                + "AS t(b, p, c, k, o, d, cp, kn, oc, un, mx, sa) "
                + "ON CONFLICT (place_id, category, " + periodColumn + ") DO UPDATE SET "
                + "capacity = GREATEST(" + table + ".capacity, EXCLUDED.capacity), "
                + "known_ss = " + table + ".known_ss + EXCLUDED.known_ss, "
                + "occupied_ss = " + table + ".occupied_ss + EXCLUDED.occupied_ss, "
                + "unknown_ss = " + table + ".unknown_ss + EXCLUDED.unknown_ss, "
                + "max_occupied = GREATEST(" + table + ".max_occupied, EXCLUDED.max_occupied), "
                + "samples = " + table + ".samples + EXCLUDED.samples";
        return db.sql(sql)
                .bind("b", rows.stream().map(r -> (String) r.key()[2]).toArray(String[]::new))
                .bind("p", rows.stream().map(r -> (String) r.key()[0]).toArray(String[]::new))
                .bind("c", rows.stream().map(r -> (String) r.key()[1]).toArray(String[]::new))
                .bind("k", rows.stream().map(r -> r.inc().kind).toArray(String[]::new))
                .bind("o", rows.stream().map(r -> r.inc().operatorId).toArray(String[]::new))
                .bind("d", rows.stream().map(r -> r.inc().districtCode).toArray(String[]::new))
                .bind("cp", rows.stream().map(r -> r.inc().capacity).toArray(Integer[]::new))
                .bind("kn", rows.stream().map(r -> r.inc().knownSs).toArray(Double[]::new))
                .bind("oc", rows.stream().map(r -> r.inc().occupiedSs).toArray(Double[]::new))
                .bind("un", rows.stream().map(r -> r.inc().unknownSs).toArray(Double[]::new))
                .bind("mx", rows.stream().map(r -> r.inc().maxOccupied).toArray(Integer[]::new))
                .bind("sa", rows.stream().map(r -> r.inc().samples).toArray(Integer[]::new))
                .then();
    }

}
