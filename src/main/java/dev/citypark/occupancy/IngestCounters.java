package dev.citypark.occupancy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.citypark.core.OperatorId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What happened to each operator's events, city-wide: accepted by the REST ingest, rejected (per reason), applied,
 * clamped, ignored as older or duplicate. Kept in Redis (one hash per operator, {@code occ:{op:<id>}:counters}, shared
 * by all instances) and as the Micrometer counter {@code citypark.occupancy.events{operator,outcome}} of this
 * instance. Thread-safe and non-blocking.
 */
@Component
public class IngestCounters {

    private final ReactiveStringRedisTemplate redis;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public IngestCounters(ReactiveStringRedisTemplate redis, MeterRegistry meters) {
        this.redis = redis;
        this.meters = meters;
    }

    /** Adds a tally in one pipelined round trip. */
    public Mono<Void> add(Tally tally) {
        if (tally.counts.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(tally.counts.entrySet())
                .flatMap(operator -> Flux.fromIterable(operator.getValue().entrySet())
                        .flatMap(count -> {
                            meter(operator.getKey(), count.getKey()).increment(count.getValue());
                            return redis.opsForHash().increment(key(operator.getKey()), count.getKey(),
                                    count.getValue());
                        }, 16), 64)
                .then();
    }

    /** An operator's counters by name ({@code accepted}, {@code rejected.invalid}, {@code applied}, ...). */
    public Mono<Map<String, Long>> forOperator(OperatorId operator) {
        return redis.<String, String>opsForHash().entries(key(operator.value()))
                .collect(TreeMap::new, (map, entry) -> map.put(entry.getKey(), Long.parseLong(entry.getValue())));
    }

    private Counter meter(String operator, String outcome) {
        return counters.computeIfAbsent(operator + '\u0000' + outcome, k -> Counter.builder("citypark.occupancy.events")
                .description("Occupancy events by operator and outcome")
                .tag("operator", operator)
                .tag("outcome", outcome)
                .register(meters));
    }

    static String key(String operator) {
        return "occ:{op:" + operator + "}:counters";
    }

    /** Counts collected while handling a batch; not thread-safe (one per batch). */
    public static final class Tally {

        private final Map<String, Map<String, Long>> counts = new LinkedHashMap<>();

        public Tally add(OperatorId operator, String counter, long amount) {
            if (amount != 0) {
                counts.computeIfAbsent(operator.value(), k -> new LinkedHashMap<>()).merge(counter, amount, Long::sum);
            }
            return this;
        }

        public Tally add(OperatorId operator, String counter) {
            return add(operator, counter, 1);
        }

        public boolean isEmpty() {
            return counts.isEmpty();
        }

        /** The counts by operator and name (for tests and logs). */
        public Map<String, Map<String, Long>> asMap() {
            return counts;
        }
    }
}
