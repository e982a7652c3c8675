package dev.citypark.security.apikey;

import java.time.Instant;

import dev.citypark.core.OperatorId;

/** A freshly issued key, the only time its secret is known: {@code X-Api-Key: <apiKey>}. */
public record IssuedApiKey(OperatorId operatorId, String keyId, String secret, Instant createdAt) {

    public String apiKey() {
        return keyId + "." + secret;
    }
}
