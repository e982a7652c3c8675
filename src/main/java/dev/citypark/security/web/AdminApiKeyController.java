package dev.citypark.security.web;

import java.time.Instant;

import dev.citypark.core.NotFoundException;
import dev.citypark.core.OperatorId;
import dev.citypark.security.OperatorDirectory;
import dev.citypark.security.apikey.ApiKeyInfo;
import dev.citypark.security.apikey.ApiKeys;
import dev.citypark.security.apikey.IssuedApiKey;
import dev.citypark.security.apikey.SigningSecrets;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Administration of operators' API keys (role ADMIN, {@code X-Admin-Token}). Rotation is: issue a new key, move the
 * gateways to it, revoke the old one. The secret (and the key's Kafka record-signing secret) is in the answer to the
 * POST and nowhere else, ever.
 */
@RestController
@RequestMapping("/api/v1/admin/operators/{operatorId}/api-keys")
class AdminApiKeyController {

    private final ApiKeys apiKeys;
    private final SigningSecrets signingSecrets;
    private final OperatorDirectory operators;

    AdminApiKeyController(ApiKeys apiKeys, SigningSecrets signingSecrets, OperatorDirectory operators) {
        this.apiKeys = apiKeys;
        this.signingSecrets = signingSecrets;
        this.operators = operators;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<IssuedKeyResponse> issue(@PathVariable String operatorId) {
        return existing(operatorId).flatMap(apiKeys::issue)
                .map(key -> IssuedKeyResponse.of(key, signingSecrets.secretFor(key.keyId()).orElse(null)));
    }

    @GetMapping
    Flux<KeyResponse> list(@PathVariable String operatorId) {
        return existing(operatorId).flatMapMany(apiKeys::list).map(KeyResponse::of);
    }

    @DeleteMapping("/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> revoke(@PathVariable String operatorId, @PathVariable String keyId) {
        return existing(operatorId)
                .flatMap(operator -> apiKeys.revoke(operator, keyId))
                .flatMap(revoked -> revoked ? Mono.<Void>empty() : Mono.error(new NotFoundException("API key", keyId)));
    }

    private Mono<OperatorId> existing(String operatorId) {
        return Mono.fromCallable(() -> {
            OperatorId id = OperatorId.of(operatorId);
            if (!operators.isRegistered(id)) {
                throw new NotFoundException("operator", operatorId);
            }
            return id;
        });
    }

    /**
     * The answer to issuing a key: send {@code X-Api-Key: <apiKey>}; sign Kafka records with {@code signingSecret}
     * (null when record signing is not configured). Neither secret can be read again.
     */
    record IssuedKeyResponse(String operatorId, String keyId, String secret, String apiKey, String signingSecret,
            Instant createdAt) {

        static IssuedKeyResponse of(IssuedApiKey key, String signingSecret) {
            return new IssuedKeyResponse(key.operatorId().value(), key.keyId(), key.secret(), key.apiKey(),
                    signingSecret, key.createdAt());
        }
    }

    record KeyResponse(String operatorId, String keyId, Instant createdAt, Instant revokedAt, Instant lastUsedAt,
            boolean active) {

        static KeyResponse of(ApiKeyInfo key) {
            return new KeyResponse(key.operatorId().value(), key.keyId(), key.createdAt(), key.revokedAt(),
                    key.lastUsedAt(), key.revokedAt() == null);
        }
    }
}
