package dev.citypark.session.persistence;

import dev.citypark.billing.PaymentMethod;
import dev.citypark.core.DriverId;
import dev.citypark.core.Plate;
import dev.citypark.core.PlateColour;
import dev.citypark.session.AutopayBinding;
import dev.citypark.session.BindingStore;
import dev.citypark.session.Vehicle;
import dev.citypark.session.VehicleBinding;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bindings in tables {@code vehicle_binding} (the plate is the key: one account per plate) and {@code autopay_binding}. */
@Component
class R2dbcBindingStore implements BindingStore {

    private static final String COLUMNS = "plate, driver_id, plate_colour, verified_at, verification_method";

    private final DatabaseClient database;

    R2dbcBindingStore(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<VehicleBinding> find(Plate plate) {
        return database.sql("SELECT " + COLUMNS + " FROM vehicle_binding WHERE plate = :plate")
                .bind("plate", plate.value())
                .map(R2dbcBindingStore::read)
                .one();
    }

    @Override
    public Mono<VehicleBinding> bind(VehicleBinding binding) {
        // insert, or refresh the same driver's binding; another driver's row is left alone and nothing returns
        return database.sql("INSERT INTO vehicle_binding (" + COLUMNS + ") VALUES (:plate, :driver, :colour,"
                        + " :verifiedAt, :method) ON CONFLICT (plate) DO UPDATE SET plate_colour = EXCLUDED.plate_colour,"
                        + " verification_method = EXCLUDED.verification_method"
                        + " WHERE vehicle_binding.driver_id = EXCLUDED.driver_id RETURNING " + COLUMNS)
                .bind("plate", binding.vehicle().plate().value())
                .bind("driver", binding.driver().value())
                .bind("colour", binding.vehicle().colour().name())
                .bind("verifiedAt", binding.verifiedAt())
                .bind("method", binding.verificationMethod())
                .map(R2dbcBindingStore::read)
                .one();
    }

    @Override
    public Mono<Boolean> unbind(DriverId driver, Plate plate) {
        return database.sql("DELETE FROM vehicle_binding WHERE plate = :plate AND driver_id = :driver")
                .bind("plate", plate.value())
                .bind("driver", driver.value())
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    @Override
    public Flux<VehicleBinding> listForDriver(DriverId driver) {
        return database.sql("SELECT " + COLUMNS + " FROM vehicle_binding WHERE driver_id = :driver ORDER BY plate")
                .bind("driver", driver.value())
                .map(R2dbcBindingStore::read)
                .all();
    }

    @Override
    public Mono<Boolean> bindAutopay(AutopayBinding binding) {
        return database.sql("INSERT INTO autopay_binding (plate, driver_id, method, account_ref, bound_at)"
                        + " SELECT plate, driver_id, :method, :account, :boundAt FROM vehicle_binding"
                        + " WHERE plate = :plate AND driver_id = :driver"
                        + " ON CONFLICT (plate) DO UPDATE SET method = EXCLUDED.method,"
                        + " account_ref = EXCLUDED.account_ref, bound_at = EXCLUDED.bound_at,"
                        + " driver_id = EXCLUDED.driver_id")
                .bind("plate", binding.plate().value())
                .bind("driver", binding.driver().value())
                .bind("method", binding.method().name())
                .bind("account", binding.accountRef())
                .bind("boundAt", binding.boundAt())
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    @Override
    public Mono<Boolean> unbindAutopay(DriverId driver, Plate plate) {
        return database.sql("DELETE FROM autopay_binding WHERE plate = :plate AND driver_id = :driver")
                .bind("plate", plate.value())
                .bind("driver", driver.value())
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    @Override
    public Mono<AutopayBinding> findAutopay(Plate plate) {
        return database.sql("SELECT plate, driver_id, method, account_ref, bound_at FROM autopay_binding"
                        + " WHERE plate = :plate")
                .bind("plate", plate.value())
                .map(row -> new AutopayBinding(Plate.of(Sql.require(row, "plate")),
                        DriverId.of(Sql.require(row, "driver_id")), PaymentMethod.valueOf(Sql.require(row, "method")),
                        Sql.require(row, "account_ref"), Sql.requireInstant(row, "bound_at")))
                .one();
    }

    private static VehicleBinding read(Readable row) {
        return new VehicleBinding(DriverId.of(Sql.require(row, "driver_id")),
                new Vehicle(Plate.of(Sql.require(row, "plate")), PlateColour.valueOf(Sql.require(row, "plate_colour"))),
                Sql.requireInstant(row, "verified_at"), Sql.require(row, "verification_method"));
    }
}
