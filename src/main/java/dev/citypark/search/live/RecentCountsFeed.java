package dev.citypark.search.live;

import java.time.Duration;

import dev.citypark.availability.Availability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Feeds {@link RecentCounts} from availability's in-process change stream. The subscription is owned by this
 * lifecycle bean: taken at start, disposed at stop. The stream completes when availability's feed stops (a context
 * stop) and may be a new one after it restarts, so completion is followed by a fresh subscription a second later,
 * and errors by a resubscription with backoff; nothing is lost but the changes of that gap (best effort, like the
 * stream itself).
 */
class RecentCountsFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecentCountsFeed.class);

    private final Availability availability;
    private final RecentCounts memory;
    private volatile Disposable subscription;

    RecentCountsFeed(Availability availability, RecentCounts memory) {
        this.availability = availability;
        this.memory = memory;
    }

    @Override
    public void start() {
        subscription = Flux.defer(availability::changes)
                .doOnNext(change -> memory.record(change.availability()))
                .repeatWhen(completed -> completed.delayElements(Duration.ofSeconds(1)))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .doBeforeRetry(s -> log.warn("Search's recent-count feed failed, resubscribing: {}",
                                s.failure().toString())))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = subscription;
        if (current != null) {
            current.dispose();
        }
        subscription = null;
    }

    @Override
    public boolean isRunning() {
        Disposable current = subscription;
        return current != null && !current.isDisposed();
    }
}
