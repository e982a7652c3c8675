package dev.citypark.security.apikey;

import java.time.Instant;

import dev.citypark.core.OperatorId;

/** What may be shown about an API key: never its secret. {@code revokedAt}/{@code lastUsedAt} may be null. */
public record ApiKeyInfo(String keyId, OperatorId operatorId, Instant createdAt, Instant revokedAt, Instant lastUsedAt) {
}
