package dev.citypark.security.token;

import dev.citypark.core.DriverId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Drivers' accounts (table {@code driver_account}); created on first sign-in. */
@Component
class DriverAccounts {

    private final DatabaseClient database;

    DriverAccounts(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> ensureExists(DriverId driverId) {
        return database.sql("INSERT INTO driver_account (driver_id) VALUES (:id) ON CONFLICT (driver_id) DO NOTHING")
                .bind("id", driverId.value())
                .then();
    }
}
