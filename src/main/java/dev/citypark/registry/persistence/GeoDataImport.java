package dev.citypark.registry.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.citypark.registry.Bay;
import dev.citypark.registry.District;
import dev.citypark.registry.GuidanceScreen;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Operator;
import dev.citypark.registry.RegistryProperties;
import dev.citypark.registry.Segment;
import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoJsonCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bulk-imports a geo-data release into an empty registry: one transaction (all or nothing), rows sent as arrays and
 * expanded with {@code unnest} (one statement per batch instead of one per row), progress with rate and ETA in the
 * log. A transaction-scoped advisory lock makes concurrent starts of several instances import once.
 */
@Component
public class GeoDataImport {

    private static final Logger log = LoggerFactory.getLogger(GeoDataImport.class);
    private static final long IMPORT_LOCK = 0x6369747970_61726BL; // "citypark"

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final int batch;

    GeoDataImport(DatabaseClient database, TransactionalOperator transactions, RegistryProperties properties) {
        this.database = database;
        this.transactions = transactions;
        this.batch = properties.importBatch();
    }

    /** Whether a geo-data release was already imported. */
    public Mono<Boolean> isImported() {
        return database.sql("SELECT count(*) AS n FROM geo_data_import").map(row -> row.get("n", Long.class)).one()
                .map(n -> n > 0);
    }

    /** Imports {@code data} unless a release is already there; emits whether it imported. */
    public Mono<Boolean> importIfEmpty(GeoData data, String manifestSha256) {
        long started = System.nanoTime();
        long rows = data.operators().size() + data.districts().size() + data.lots().size() + data.segments().size()
                + data.streamBays().count() + data.screens().size();
        Progress progress = new Progress(rows, started);
        Mono<Boolean> work = database.sql("SELECT pg_advisory_xact_lock(" + IMPORT_LOCK + ")").then()
                .then(isImported())
                .flatMap(imported -> imported ? Mono.just(false)
                        : insertAll(data, progress)
                                .then(database.sql("INSERT INTO geo_data_import (seed, total_spaces, manifest_sha256, "
                                                + "duration_ms) VALUES (:seed, :total, :sha, :ms)")
                                        .bind("seed", data.manifest().seed())
                                        .bind("total", data.totalSpaces())
                                        .bind("sha", manifestSha256)
                                        .bind("ms", Duration.ofNanos(System.nanoTime() - started).toMillis())
                                        .then())
                                .thenReturn(true));
        return transactions.transactional(work)
                .doOnNext(imported -> {
                    if (imported) {
                        log.info("Registry import done: {} spaces ({} rows) in {} ms", data.totalSpaces(), rows,
                                Duration.ofNanos(System.nanoTime() - started).toMillis());
                    }
                });
    }

    private Mono<Void> insertAll(GeoData data, Progress progress) {
        return insertBatches("operator", data.operators(), progress, this::insertOperators)
                .then(insertBatches("district", data.districts(), progress, this::insertDistricts))
                .then(insertBatches("lot", data.lots(), progress, this::insertLots, Math.max(1, batch / 25)))
                .then(insertBatches("segment", data.segments(), progress, this::insertSegments, Math.max(1, batch / 5)))
                .then(insertBatches("bay", bayRows(data), progress, this::insertBays))
                .then(insertBatches("screen", data.screens(), progress, this::insertScreens));
    }

    private static List<BayRow> bayRows(GeoData data) {
        List<BayRow> rows = new ArrayList<>();
        for (Segment segment : data.segments()) {
            segment.bays().forEach(bay -> rows.add(new BayRow(bay, null, segment.id().value())));
        }
        for (Lot lot : data.lots()) {
            if (lot.indoorModel() != null) {
                lot.indoorModel().bays().forEach(bay -> rows.add(new BayRow(bay, lot.id().value(), null)));
            }
        }
        return rows;
    }

    private <T> Mono<Void> insertBatches(String what, List<T> rows, Progress progress,
            Function<List<T>, Mono<Void>> insert) {
        return insertBatches(what, rows, progress, insert, batch);
    }

    private <T> Mono<Void> insertBatches(String what, List<T> rows, Progress progress,
            Function<List<T>, Mono<Void>> insert, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += size) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + size)));
        }
        // one statement at a time: they share the transaction's connection
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> insert.apply(chunk).doOnSuccess(done -> progress.advance(what, chunk.size())))
                .then();
    }

    private Mono<Void> insertOperators(List<Operator> operators) {
        return database.sql("INSERT INTO operator (id, name, kind) SELECT * FROM unnest("
                        + "CAST(:ids AS text[]), CAST(:names AS text[]), CAST(:kinds AS text[]))")
                .bind("ids", operators.stream().map(o -> o.id().value()).toArray(String[]::new))
                .bind("names", operators.stream().map(Operator::name).toArray(String[]::new))
                .bind("kinds", operators.stream().map(o -> o.kind().name()).toArray(String[]::new))
                .then();
    }

    private Mono<Void> insertDistricts(List<District> districts) {
        return database.sql("INSERT INTO district (code, name, name_en, approximate, feature) "
                        + "SELECT c, n, e, a, CAST(f AS json) FROM unnest(CAST(:codes AS text[]), "
                        + "CAST(:names AS text[]), CAST(:en AS text[]), CAST(:approx AS boolean[]), "
                        + "CAST(:features AS text[])) AS t(c, n, e, a, f)")
                .bind("codes", districts.stream().map(District::code).toArray(String[]::new))
                .bind("names", districts.stream().map(District::name).toArray(String[]::new))
                .bind("en", districts.stream().map(District::nameEn).toArray(String[]::new))
                .bind("approx", districts.stream().map(District::approximate).toArray(Boolean[]::new))
                .bind("features", districts.stream().map(d -> GeoJsonCodec.districtToFeature(d).toString())
                        .toArray(String[]::new))
                .then();
    }

    private Mono<Void> insertLots(List<Lot> lots) {
        return database.sql("INSERT INTO lot (id, operator_id, district_code, lon, lat, capacity_total, feature, "
                        + "indoor, version) SELECT i, o, d, x, y, c, CAST(f AS json), CAST(n AS json), v FROM unnest("
                        + "CAST(:ids AS text[]), CAST(:ops AS text[]), CAST(:districts AS text[]), "
                        + "CAST(:lons AS float8[]), CAST(:lats AS float8[]), CAST(:caps AS int[]), "
                        + "CAST(:features AS text[]), CAST(:indoor AS text[]), CAST(:versions AS bigint[])) "
                        + "AS t(i, o, d, x, y, c, f, n, v)")
                .bind("ids", lots.stream().map(l -> l.id().value()).toArray(String[]::new))
                .bind("ops", lots.stream().map(l -> l.operator().value()).toArray(String[]::new))
                .bind("districts", lots.stream().map(Lot::districtCode).toArray(String[]::new))
                .bind("lons", lots.stream().map(l -> l.point().lon()).toArray(Double[]::new))
                .bind("lats", lots.stream().map(l -> l.point().lat()).toArray(Double[]::new))
                .bind("caps", lots.stream().map(l -> l.capacity().total()).toArray(Integer[]::new))
                .bind("features", lots.stream().map(GeoJsonCodec::lotToFeatureJson).toArray(String[]::new))
                .bind("indoor", lots.stream().map(l -> l.indoorModel() == null ? null
                        : GeoJsonCodec.indoorToJson(l).toString()).toArray(String[]::new))
                .bind("versions", lots.stream().map(Lot::version).toArray(Long[]::new))
                .then();
    }

    private Mono<Void> insertSegments(List<Segment> segments) {
        return database.sql("INSERT INTO segment (id, operator_id, district_code, bay_count, feature, version) "
                        + "SELECT i, o, d, b, CAST(f AS json), v FROM unnest(CAST(:ids AS text[]), "
                        + "CAST(:ops AS text[]), CAST(:districts AS text[]), CAST(:bays AS int[]), "
                        + "CAST(:features AS text[]), CAST(:versions AS bigint[])) AS t(i, o, d, b, f, v)")
                .bind("ids", segments.stream().map(s -> s.id().value()).toArray(String[]::new))
                .bind("ops", segments.stream().map(s -> s.operator().value()).toArray(String[]::new))
                .bind("districts", segments.stream().map(Segment::districtCode).toArray(String[]::new))
                .bind("bays", segments.stream().map(s -> s.bays().size()).toArray(Integer[]::new))
                .bind("features", segments.stream().map(s -> GeoJsonCodec.segmentToFeature(s).toString())
                        .toArray(String[]::new))
                .bind("versions", segments.stream().map(Segment::version).toArray(Long[]::new))
                .then();
    }

    private Mono<Void> insertBays(List<BayRow> bays) {
        return database.sql("INSERT INTO bay (id, lot_id, segment_id, category, floor, zone_id, lon, lat) "
                        + "SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:lots AS text[]), CAST(:segs AS text[]), "
                        + "CAST(:cats AS text[]), CAST(:floors AS int[]), CAST(:zones AS text[]), "
                        + "CAST(:lons AS float8[]), CAST(:lats AS float8[]))")
                .bind("ids", bays.stream().map(b -> b.bay().id().value()).toArray(String[]::new))
                .bind("lots", bays.stream().map(BayRow::lotId).toArray(String[]::new))
                .bind("segs", bays.stream().map(BayRow::segmentId).toArray(String[]::new))
                .bind("cats", bays.stream().map(b -> b.bay().category().name()).toArray(String[]::new))
                .bind("floors", bays.stream().map(b -> b.bay().floor()).toArray(Integer[]::new))
                .bind("zones", bays.stream().map(b -> b.bay().zoneId()).toArray(String[]::new))
                .bind("lons", bays.stream().map(b -> b.bay().point().lon()).toArray(Double[]::new))
                .bind("lats", bays.stream().map(b -> b.bay().point().lat()).toArray(Double[]::new))
                .then();
    }

    private Mono<Void> insertScreens(List<GuidanceScreen> screens) {
        return database.sql("INSERT INTO guidance_screen (id, feature) SELECT i, CAST(f AS json) FROM unnest("
                        + "CAST(:ids AS text[]), CAST(:features AS text[])) AS t(i, f)")
                .bind("ids", screens.stream().map(GuidanceScreen::id).toArray(String[]::new))
                .bind("features", screens.stream().map(s -> GeoJsonCodec.screenToFeature(s).toString())
                        .toArray(String[]::new))
                .then();
    }

    /** A bay with the place it belongs to. */
    record BayRow(Bay bay, String lotId, String segmentId) {
    }

    /** Progress in percent, rows per second and time left, logged at most every 10 %. */
    private static final class Progress {

        private final long total;
        private final long started;
        private final AtomicLong done = new AtomicLong();
        private volatile int lastDecile = -1;

        Progress(long total, long started) {
            this.total = Math.max(1, total);
            this.started = started;
        }

        void advance(String what, int rows) {
            long now = done.addAndGet(rows);
            int decile = (int) (now * 10 / total);
            if (decile != lastDecile) {
                lastDecile = decile;
                double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
                double rate = now / seconds;
                double eta = (total - now) / Math.max(1, rate);
                log.info(String.format(Locale.ROOT, "Registry import %3d%% (%d/%d rows, at %s) %.0f rows/s, ETA %.1f s",
                        now * 100 / total, now, total, what, rate, eta));
            }
        }
    }
}
