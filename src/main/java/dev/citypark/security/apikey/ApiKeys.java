package dev.citypark.security.apikey;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import dev.citypark.core.OperatorId;
import dev.citypark.security.config.SecurityProperties;
import dev.citypark.security.crypto.Digests;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Operators' API keys: issue (the secret is shown once), list, revoke, and verify a presented
 * {@code <keyId>.<secret>}.
 * <p>
 * Verification looks the key id up in PostgreSQL and keeps the answer for {@code citypark.security.api-key-cache-ttl}
 * (default 5 s) in memory, so a gateway sending many requests costs one query per key per TTL; the secret is compared
 * as a SHA-256 digest in constant time. Revoking on this instance drops the cached entry at once; other instances
 * notice within the TTL. Concurrent requests that miss the cache share one lookup (and one {@code last_used_at}
 * update): without that, every request in flight when the entry expires queried the key and updated its row, and
 * those updates queued on the row lock, each with its own commit, holding pool connections meanwhile.
 */
@Component
public class ApiKeys {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_SECRET_LENGTH = 256;
    private static final int MAX_CACHED = 10_000;

    private final ApiKeyStore store;
    private final long cacheTtlNanos;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** Lookups under way, one per key id: callers that miss the cache meanwhile wait for it instead of querying. */
    private final ConcurrentHashMap<String, Mono<Optional<ApiKeyStore.StoredKey>>> lookups = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyStore store, SecurityProperties properties) {
        this.store = store;
        this.cacheTtlNanos = properties.apiKeyCacheTtl().toNanos();
    }

    private record Cached(Optional<ApiKeyStore.StoredKey> key, long expiresAtNanos) {
    }

    /** The operator whose valid key this is; empty when the key is malformed, unknown, revoked or its secret wrong. */
    public Mono<OperatorId> verify(String presented) {
        if (presented == null) {
            return Mono.empty();
        }
        int dot = presented.indexOf('.');
        if (dot <= 0 || dot == presented.length() - 1 || presented.length() - dot - 1 > MAX_SECRET_LENGTH) {
            return Mono.empty();
        }
        String keyId = presented.substring(0, dot);
        String secret = presented.substring(dot + 1);
        if (!KEY_ID.matcher(keyId).matches()) {
            return Mono.empty();
        }
        byte[] presentedHash = Digests.sha256(secret);
        return lookup(keyId)
                .filter(key -> !key.revoked() && Digests.digestsEqual(presentedHash, key.secretSha256()))
                .map(ApiKeyStore.StoredKey::operatorId);
    }

    /** The operator of an existing, unrevoked key (no secret involved: record signatures use a derived secret). */
    public Mono<OperatorId> operatorOfActiveKey(String keyId) {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            return Mono.empty();
        }
        return lookup(keyId).filter(key -> !key.revoked()).map(ApiKeyStore.StoredKey::operatorId);
    }

    private Mono<ApiKeyStore.StoredKey> lookup(String keyId) {
        long now = System.nanoTime();
        Cached cached = cache.get(keyId);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return Mono.justOrEmpty(cached.key());
        }
        return lookups.computeIfAbsent(keyId, this::fetch).flatMap(Mono::justOrEmpty);
    }

    /**
     * One lookup of the key, shared by every caller until it ends (then it is forgotten; its answer is in the cache).
     * A fresh lookup also records that the key is in use (at most once per key and TTL).
     */
    private Mono<Optional<ApiKeyStore.StoredKey>> fetch(String keyId) {
        AtomicReference<Mono<Optional<ApiKeyStore.StoredKey>>> self = new AtomicReference<>();
        // cache(): subscribed once, replayed to every caller; its source runs to the end even if callers cancel
        Mono<Optional<ApiKeyStore.StoredKey>> shared = store.find(keyId)
                .flatMap(key -> key.revoked() ? Mono.just(key) : store.touch(keyId).thenReturn(key))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .doOnNext(found -> {
                    if (lookups.get(keyId) == self.get()) { // not forgotten meanwhile (revoked, re-issued)
                        remember(keyId, found);
                    }
                })
                .doFinally(signal -> lookups.remove(keyId, self.get()))
                .cache();
        self.set(shared);
        return shared;
    }

    /** After a change of the key: later callers neither use the cached answer nor join a lookup begun before it. */
    private void forget(String keyId) {
        cache.remove(keyId);
        lookups.remove(keyId);
    }

    private void remember(String keyId, Optional<ApiKeyStore.StoredKey> key) {
        if (cacheTtlNanos == 0) {
            return;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear(); // bounded: a flood of made-up key ids cannot grow it without limit
        }
        cache.put(keyId, new Cached(key, System.nanoTime() + cacheTtlNanos));
    }

    /** Issues a new key for the operator (who must exist; the caller checks). The result holds the only copy of the secret. */
    public Mono<IssuedApiKey> issue(OperatorId operatorId) {
        return Mono.fromCallable(() -> new String[] {Digests.randomKeyId(), Digests.randomToken(32)})
                .subscribeOn(Schedulers.boundedElastic()) // SecureRandom reads the OS entropy source
                .flatMap(generated -> store.insert(generated[0], operatorId, Digests.sha256(generated[1]))
                        .map(info -> new IssuedApiKey(operatorId, info.keyId(), generated[1], info.createdAt())))
                .doOnNext(issued -> forget(issued.keyId()));
    }

    /** Every key of the operator, oldest first, revoked ones included; no secrets. */
    public Flux<ApiKeyInfo> list(OperatorId operatorId) {
        return store.list(operatorId);
    }

    /** Revokes one of the operator's keys; false if the operator has no key with this id. */
    public Mono<Boolean> revoke(OperatorId operatorId, String keyId) {
        if (!KEY_ID.matcher(keyId).matches()) {
            return Mono.just(false);
        }
        return store.revoke(operatorId, keyId).doOnNext(revoked -> forget(keyId));
    }

    /** Inserts or restores a configured key (startup seeding). */
    public Mono<Void> upsert(OperatorId operatorId, String keyId, byte[] secretSha256) {
        if (!KEY_ID.matcher(keyId).matches()) {
            return Mono.error(new IllegalArgumentException("API key id must be 1-64 letters, digits, '_' or '-': " + keyId));
        }
        return store.upsert(keyId, operatorId, secretSha256).doOnSuccess(done -> forget(keyId));
    }

    Duration cacheTtl() {
        return Duration.ofNanos(cacheTtlNanos);
    }
}
