package dev.citypark.analytics.history;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Scheduled upkeep of the history (reactive {@code @Scheduled} methods; each pass reads the clock inside
 * {@code Mono.defer}): carry quiet places' states forward to now, and create the monthly partitions of the next two
 * months ahead of time (the default partition catches anything outside, it should stay empty).
 */
@Component
class HistoryHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(HistoryHousekeeping.class);
    private static final int FLUSH_BATCH = 1000;

    private final OccupancyHistory history;
    private final DatabaseClient db;

    HistoryHousekeeping(OccupancyHistory history, DatabaseClient db) {
        this.history = history;
        this.db = db;
    }

    @Scheduled(initialDelayString = "${citypark.analytics.flush-every:5m}",
            fixedDelayString = "${citypark.analytics.flush-every:5m}")
    Mono<Void> flushIdlePlaces() {
        return Mono.defer(() -> history.flushIdle(Instant.now(), FLUSH_BATCH))
                .doOnNext(n -> log.debug("Carried {} quiet place(s) forward", n))
                .onErrorResume(e -> {
                    log.warn("Carrying quiet places forward failed: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${citypark.analytics.partitions-every:12h}")
    Mono<Void> createPartitions() {
        return Mono.defer(() -> db.sql("SELECT analytics_ensure_month_partition(CAST(date_trunc('month', "
                                + "now() AT TIME ZONE 'UTC' + m * interval '1 month') AS date)) "
                                + "FROM generate_series(0, 2) AS m")
                        .then())
                .onErrorResume(e -> {
                    log.warn("Creating analytics partitions failed: {}", e.toString());
                    return Mono.empty();
                });
    }
}
