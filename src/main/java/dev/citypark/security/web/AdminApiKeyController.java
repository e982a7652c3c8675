package dev.citypark.security.web;

import java.time.Instant;

import dev.citypark.core.NotFoundException;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Registry;
import dev.citypark.security.apikey.ApiKeyInfo;
import dev.citypark.security.apikey.ApiKeys;
import dev.citypark.security.apikey.IssuedApiKey;
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
 * gateways to it, revoke the old one. The secret is in the answer to the POST and nowhere else, ever.
 */
@RestController
@RequestMapping("/api/v1/admin/operators/{operatorId}/api-keys")
class AdminApiKeyController {

    private final ApiKeys apiKeys;
    private final Registry registry;

    AdminApiKeyController(ApiKeys apiKeys, Registry registry) {
        this.apiKeys = apiKeys;
        this.registry = registry;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<IssuedKeyResponse> issue(@PathVariable String operatorId) {
        return existing(operatorId).flatMap(apiKeys::issue).map(IssuedKeyResponse::of);
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
            return registry.snapshot().findOperator(id)
                    .orElseThrow(() -> new NotFoundException("operator", operatorId)).id();
        });
    }

    /** The answer to issuing a key: send {@code X-Api-Key: <apiKey>}. */
    record IssuedKeyResponse(String operatorId, String keyId, String secret, String apiKey, Instant createdAt) {

        static IssuedKeyResponse of(IssuedApiKey key) {
            return new IssuedKeyResponse(key.operatorId().value(), key.keyId(), key.secret(), key.apiKey(),
                    key.createdAt());
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
