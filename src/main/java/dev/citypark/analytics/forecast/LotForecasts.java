package dev.citypark.analytics.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.analytics.AnalyticsProperties;
import dev.citypark.analytics.LotForecast;
import dev.citypark.analytics.OccupancyForecasts;
import dev.citypark.core.LotId;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link OccupancyForecasts} over the 5-minute buckets: one query reads the slots a forecast needs (the recent
 * window and, per previous week, the recent window and the horizon), {@link Forecaster} does the arithmetic. A
 * scheduled pass forecasts every lot with history and stores the predictions, whose error the accuracy report
 * measures once their slots have passed.
 */
@Component
public class LotForecasts implements OccupancyForecasts {

    private static final Logger log = LoggerFactory.getLogger(LotForecasts.class);

    private final DatabaseClient db;
    private final Registry registry;
    private final AnalyticsProperties.Forecast settings;

    public LotForecasts(DatabaseClient db, Registry registry, AnalyticsProperties properties) {
        this.db = db;
        this.registry = registry;
        this.settings = properties.forecast();
    }

    @Override
    public Mono<LotForecast> forecast(LotId lot) {
        return Mono.defer(() -> forecastAt(lot, Instant.now()));
    }

    /** The forecast as made at {@code now} (tests and the scheduled pass). */
    public Mono<LotForecast> forecastAt(LotId lotId, Instant now) {
        Lot lot = registry.snapshot().findLot(lotId).orElse(null);
        if (lot == null) {
            return Mono.empty();
        }
        List<Instant[]> windows = Forecaster.windows(now, settings.horizon(), settings.recent(), settings.weeks());
        return db.sql("SELECT date_bin('15 minutes', bucket_start, TIMESTAMPTZ '2000-01-01 00:00:00Z') AS slot, "
                        + "sum(occupied_ss) AS oc, sum(known_ss) AS kn FROM analytics_occupancy_5m b "
                        + "JOIN unnest(CAST(:starts AS timestamptz[]), CAST(:ends AS timestamptz[])) AS w(s, e) "
                        + "ON b.bucket_start >= w.s AND b.bucket_start < w.e "
                        + "WHERE b.place_id = :lot GROUP BY 1")
                .bind("starts", windows.stream().map(w -> w[0].toString()).toArray(String[]::new))
                .bind("ends", windows.stream().map(w -> w[1].toString()).toArray(String[]::new))
                .bind("lot", lotId.value())
                .map(row -> Map.entry(row.get("slot", Instant.class), new Forecaster.Sums(
                        row.get("oc", Number.class).doubleValue(), row.get("kn", Number.class).doubleValue())))
                .all()
                .collect(HashMap<Instant, Forecaster.Sums>::new, (m, e) -> m.put(e.getKey(), e.getValue()))
                .flatMap(slots -> {
                    List<Forecaster.Step> steps = Forecaster.forecast(now, settings.horizon(), settings.recent(),
                            settings.weeks(), slots);
                    if (steps.isEmpty()) {
                        return Mono.empty();
                    }
                    int capacity = lot.capacity().total();
                    return Mono.just(new LotForecast(lotId.value(), now, capacity, LotForecast.METHOD,
                            steps.stream().map(s -> new LotForecast.Step(s.slot(), round(s.rate()),
                                    round(s.rate() * capacity), round(capacity - s.rate() * capacity))).toList()));
                });
    }

    /** Stores a forecast's predictions (idempotent per lot, time and slot). */
    public Mono<Void> store(LotForecast forecast) {
        if (forecast.steps().isEmpty()) {
            return Mono.empty();
        }
        return db.sql("INSERT INTO analytics_forecast (lot_id, made_at, target_at, predicted_rate, capacity) "
                        + "SELECT :lot, :made, t, r, :cap FROM unnest(CAST(:targets AS timestamptz[]), "
                        + "CAST(:rates AS float8[])) AS x(t, r) ON CONFLICT DO NOTHING")
                .bind("lot", forecast.lotId())
                .bind("made", forecast.madeAt())
                .bind("cap", forecast.capacity())
                .bind("targets", forecast.steps().stream().map(s -> s.slot().toString()).toArray(String[]::new))
                .bind("rates", forecast.steps().stream().map(LotForecast.Step::occupancyRate).toArray(Double[]::new))
                .then();
    }

    /** Forecasts and stores every lot with history; returns how many were stored. */
    public Mono<Long> forecastAll(Instant now) {
        return db.sql("SELECT place_id FROM analytics_place WHERE kind = 'LOT' AND observed_at > :since")
                .bind("since", now.minus(Duration.ofDays(7L * settings.weeks())))
                .map(row -> row.get("place_id", String.class))
                .all()
                .flatMap(id -> forecastAt(LotId.of(id), now).flatMap(f -> store(f).thenReturn(1L)), 4)
                .reduce(0L, Long::sum);
    }

    @Scheduled(initialDelayString = "${citypark.analytics.forecast.every:15m}",
            fixedDelayString = "${citypark.analytics.forecast.every:15m}")
    Mono<Void> scheduledForecasts() {
        return Mono.defer(() -> settings.enabled() ? forecastAll(Instant.now())
                        .doOnNext(n -> log.debug("Forecast {} lot(s)", n)).then() : Mono.<Void>empty())
                .onErrorResume(e -> {
                    log.warn("Forecast pass failed: {}", e.toString());
                    return Mono.empty();
                });
    }

    /** Per lot: the mean absolute error of its predictions whose slot ended in the {@code days} before now. */
    public Mono<dev.citypark.analytics.query.Reports.Accuracy> accuracy(Instant now, int days) {
        Instant from = now.minus(Duration.ofDays(days));
        return db.sql("WITH a AS (SELECT place_id, date_bin('15 minutes', bucket_start, "
                        + "TIMESTAMPTZ '2000-01-01 00:00:00Z') AS slot, sum(occupied_ss) / nullif(sum(known_ss), 0) "
                        + "AS rate FROM analytics_occupancy_5m WHERE kind = 'LOT' AND bucket_start >= :from "
                        + "AND bucket_start < :now GROUP BY 1, 2) "
                        + "SELECT f.lot_id, count(*) AS n, avg(abs(f.predicted_rate - a.rate)) AS mae, "
                        + "avg(abs(f.predicted_rate - a.rate) * f.capacity) AS mae_spaces "
                        + "FROM analytics_forecast f JOIN a ON a.place_id = f.lot_id AND a.slot = f.target_at "
                        + "WHERE f.target_at >= :from AND f.target_at + interval '15 minutes' <= :now "
                        + "AND a.rate IS NOT NULL GROUP BY 1 ORDER BY 1")
                .bind("from", from)
                .bind("now", now)
                .map(row -> new dev.citypark.analytics.query.Reports.AccuracyRow(row.get("lot_id", String.class),
                        row.get("n", Number.class).longValue(), round(row.get("mae", Number.class).doubleValue()),
                        round(row.get("mae_spaces", Number.class).doubleValue())))
                .all()
                .collectList()
                .map(rows -> new dev.citypark.analytics.query.Reports.Accuracy(now, rows));
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

}
