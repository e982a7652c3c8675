package dev.citypark.session;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Flags sessions active longer than {@code citypark.session.overstay-limit} with an {@link AnomalyKind#OVERSTAY}
 * anomaly, once per session. A reactive {@code @Scheduled} pass: Spring subscribes to it, nothing is fired and
 * forgotten. Several instances share the work ({@code FOR UPDATE SKIP LOCKED}).
 */
@Component
class OverstayWatch {

    private static final Logger log = LoggerFactory.getLogger(OverstayWatch.class);
    private static final int BATCH = 500;

    private final SessionStore sessions;
    private final SessionProperties settings;
    private final Clock clock = Clock.systemUTC();

    OverstayWatch(SessionStore sessions, SessionProperties settings) {
        this.sessions = sessions;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${citypark.session.overstay-scan-interval:5m}",
            initialDelayString = "${citypark.session.overstay-scan-interval:5m}")
    Mono<Void> scan() {
        // Spring calls this once and re-subscribes on every trigger: read the clock at subscription
        return Mono.defer(() -> flag(clock.instant()))
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Flagged {} sessions active longer than {}", n, settings.overstayLimit());
                    }
                })
                .then()
                .onErrorResume(e -> {
                    log.warn("Overstay scan failed, will retry: {}", e.toString());
                    return Mono.empty();
                });
    }

    /** Flags every overstaying session at {@code now}, batch after batch; emits how many. */
    Mono<Long> flag(Instant now) {
        Instant enteredBefore = now.minus(settings.overstayLimit());
        return sessions.flagOverstays(enteredBefore, BATCH)
                .expand(n -> n == BATCH ? sessions.flagOverstays(enteredBefore, BATCH) : Mono.empty())
                .reduce(0L, Long::sum);
    }
}
