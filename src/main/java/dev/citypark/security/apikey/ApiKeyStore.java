package dev.citypark.security.apikey;

import java.time.Instant;

import dev.citypark.core.OperatorId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Operators' API keys in PostgreSQL (table {@code operator_api_key}); only the secret's SHA-256 is stored. */
@Component
class ApiKeyStore {

    private final DatabaseClient database;

    ApiKeyStore(DatabaseClient database) {
        this.database = database;
    }

    /** A stored key; {@code revoked} keys never authenticate. */
    record StoredKey(String keyId, OperatorId operatorId, byte[] secretSha256, boolean revoked) {
    }

    Mono<StoredKey> find(String keyId) {
        return database.sql("SELECT key_id, operator_id, secret_sha256, revoked_at IS NOT NULL AS revoked "
                        + "FROM operator_api_key WHERE key_id = :keyId")
                .bind("keyId", keyId)
                .map(row -> new StoredKey(row.get("key_id", String.class),
                        OperatorId.of(row.get("operator_id", String.class)),
                        row.get("secret_sha256", byte[].class),
                        Boolean.TRUE.equals(row.get("revoked", Boolean.class))))
                .one();
    }

    Mono<ApiKeyInfo> insert(String keyId, OperatorId operatorId, byte[] secretSha256) {
        return database.sql("INSERT INTO operator_api_key (key_id, operator_id, secret_sha256) "
                        + "VALUES (:keyId, :operatorId, :hash) RETURNING key_id, operator_id, created_at, revoked_at, last_used_at")
                .bind("keyId", keyId)
                .bind("operatorId", operatorId.value())
                .bind("hash", secretSha256)
                .map(row -> info(row))
                .one();
    }

    /** Inserts or restores a configured key (idempotent): same id → new hash and operator, no longer revoked. */
    Mono<Void> upsert(String keyId, OperatorId operatorId, byte[] secretSha256) {
        return database.sql("INSERT INTO operator_api_key (key_id, operator_id, secret_sha256) "
                        + "VALUES (:keyId, :operatorId, :hash) ON CONFLICT (key_id) DO UPDATE "
                        + "SET operator_id = EXCLUDED.operator_id, secret_sha256 = EXCLUDED.secret_sha256, revoked_at = NULL")
                .bind("keyId", keyId)
                .bind("operatorId", operatorId.value())
                .bind("hash", secretSha256)
                .then();
    }

    Flux<ApiKeyInfo> list(OperatorId operatorId) {
        return database.sql("SELECT key_id, operator_id, created_at, revoked_at, last_used_at FROM operator_api_key "
                        + "WHERE operator_id = :operatorId ORDER BY created_at, key_id")
                .bind("operatorId", operatorId.value())
                .map(row -> info(row))
                .all();
    }

    /** Revokes the operator's key; true if the operator has such a key (revoking twice is harmless). */
    Mono<Boolean> revoke(OperatorId operatorId, String keyId) {
        return database.sql("UPDATE operator_api_key SET revoked_at = COALESCE(revoked_at, now()) "
                        + "WHERE key_id = :keyId AND operator_id = :operatorId")
                .bind("keyId", keyId)
                .bind("operatorId", operatorId.value())
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    Mono<Void> touch(String keyId) {
        return database.sql("UPDATE operator_api_key SET last_used_at = now() WHERE key_id = :keyId")
                .bind("keyId", keyId)
                .then();
    }

    private static ApiKeyInfo info(io.r2dbc.spi.Readable row) {
        return new ApiKeyInfo(row.get("key_id", String.class), OperatorId.of(row.get("operator_id", String.class)),
                instant(row, "created_at"), instant(row, "revoked_at"), instant(row, "last_used_at"));
    }

    private static Instant instant(io.r2dbc.spi.Readable row, String column) {
        java.time.OffsetDateTime value = row.get(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
