package dev.citypark.security.apikey;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.citypark.core.OperatorId;
import dev.citypark.security.config.SecurityProperties;
import dev.citypark.security.crypto.Digests;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTest {

    /** A store whose lookups answer only when the test says so, counting queries and last-used updates. */
    static final class SlowStore extends ApiKeyStore {

        final AtomicInteger finds = new AtomicInteger();
        final AtomicInteger touches = new AtomicInteger();
        volatile Sinks.One<StoredKey> answer = Sinks.one();

        SlowStore() {
            super(null);
        }

        @Override
        Mono<StoredKey> find(String keyId) {
            finds.incrementAndGet();
            return answer.asMono();
        }

        @Override
        Mono<Void> touch(String keyId) {
            touches.incrementAndGet();
            return Mono.empty();
        }

        @Override
        Mono<Boolean> revoke(OperatorId operatorId, String keyId) {
            return Mono.just(true);
        }
    }

    private static ApiKeys apiKeys(ApiKeyStore store) {
        SecurityProperties.Jwt jwt = new SecurityProperties.Jwt("https://citypark.invalid/local", null, "k", "roles",
                "operator_id", Duration.ofHours(1), Duration.ofHours(1));
        SecurityProperties.Cors cors = new SecurityProperties.Cors(null, List.of("GET"), List.of("Authorization"),
                Duration.ofHours(1));
        return new ApiKeys(store, new SecurityProperties(null, null, null, Duration.ofMinutes(5), jwt, null, null,
                cors, DataSize.ofMegabytes(2), 32, null));
    }

    private static ApiKeyStore.StoredKey key(boolean revoked) {
        return new ApiKeyStore.StoredKey("k1", OperatorId.of("OP-GAR-01"), Digests.sha256("secret"), revoked);
    }

    @Test
    void concurrentRequestsMissingTheCacheShareOneLookupAndOneLastUsedUpdate() {
        SlowStore store = new SlowStore();
        ApiKeys keys = apiKeys(store);

        Mono<List<OperatorId>> hundred = Flux.range(0, 100).flatMap(i -> keys.verify("k1.secret")).collectList();
        Mono<List<OperatorId>> waiting = hundred.cache();
        waiting.subscribe(); // the 100 verifications are now all waiting for the store
        assertThat(store.finds).hasValue(1);

        store.answer.tryEmitValue(key(false));
        assertThat(waiting.block(Duration.ofSeconds(5))).hasSize(100).containsOnly(OperatorId.of("OP-GAR-01"));
        assertThat(store.finds).hasValue(1);
        assertThat(store.touches).hasValue(1);

        // answered from the cache afterwards; a wrong secret still fails
        assertThat(keys.verify("k1.secret").block()).isEqualTo(OperatorId.of("OP-GAR-01"));
        assertThat(keys.verify("k1.wrong").blockOptional()).isEmpty();
        assertThat(store.finds).hasValue(1);
    }

    @Test
    void aRevocationIsNotAnsweredByALookupBegunBeforeIt() {
        SlowStore store = new SlowStore();
        ApiKeys keys = apiKeys(store);
        Sinks.One<ApiKeyStore.StoredKey> before = store.answer;
        Mono<OperatorId> early = keys.verify("k1.secret").cache();
        early.subscribe();

        keys.revoke(OperatorId.of("OP-GAR-01"), "k1").block();
        store.answer = Sinks.one();
        Mono<OperatorId> late = keys.verify("k1.secret").cache();
        late.subscribe();
        assertThat(store.finds).hasValue(2);

        store.answer.tryEmitValue(key(true));
        before.tryEmitValue(key(false));
        assertThat(late.blockOptional(Duration.ofSeconds(5))).isEmpty();
        assertThat(early.block(Duration.ofSeconds(5))).isEqualTo(OperatorId.of("OP-GAR-01"));
        // the early answer did not overwrite the revocation in the cache
        assertThat(keys.verify("k1.secret").blockOptional()).isEmpty();
        assertThat(store.finds).hasValue(2);
    }
}
