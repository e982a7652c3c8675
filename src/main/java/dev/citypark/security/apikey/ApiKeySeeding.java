package dev.citypark.security.apikey;

import java.time.Duration;

import dev.citypark.core.OperatorId;
import dev.citypark.security.config.SecurityProperties;
import dev.citypark.security.crypto.Digests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Upserts the keys configured under {@code citypark.security.seed-keys} once at startup, on the main thread and
 * before the web server opens (local development: the documented dev keys of OP-GAR-01, OP-GAR-02 and OP-ONST-370202).
 */
@Component
class ApiKeySeeding implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ApiKeySeeding.class);

    private final SecurityProperties properties;
    private final ApiKeys apiKeys;

    ApiKeySeeding(SecurityProperties properties, ApiKeys apiKeys) {
        this.properties = properties;
        this.apiKeys = apiKeys;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (properties.seedKeys().isEmpty()) {
            return;
        }
        Flux.fromIterable(properties.seedKeys())
                .concatMap(seed -> apiKeys.upsert(OperatorId.of(seed.operatorId()), seed.keyId(),
                        seed.secret() != null ? Digests.sha256(seed.secret()) : Digests.unhex(seed.secretSha256())))
                .then()
                .block(Duration.ofMinutes(1)); // main thread, startup only
        log.info("Seeded {} operator API key(s) from configuration", properties.seedKeys().size());
    }
}
