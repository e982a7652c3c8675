package dev.citypark.registry.persistence;

import java.util.List;
import java.util.Optional;

import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.Lot;
import dev.citypark.registry.geodata.GeoJsonCodec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes one operator lot: the lot row (its canonical GeoJSON Feature plus the queried columns) and the rows of its
 * indoor bays. Every statement joins the caller's reactive transaction; the caller makes them one.
 */
@Component
public class LotStore {

    private final DatabaseClient database;

    LotStore(DatabaseClient database) {
        this.database = database;
    }

    /** Who owns a stored lot and at which version, as the database has it now. */
    public record StoredLot(OperatorId operator, long version) {
    }

    /** A bay id already used by another lot or a street segment: {@code owner} is "lot X" or "segment Y". */
    public record TakenBay(String bayId, String owner) {
    }

    public Mono<StoredLot> findStored(LotId id) {
        return database.sql("SELECT operator_id, version FROM lot WHERE id = :id")
                .bind("id", id.value())
                .map(row -> new StoredLot(OperatorId.of(row.get("operator_id", String.class)),
                        row.get("version", Long.class)))
                .one();
    }

    /** Inserts a new lot unless one with its id exists; emits whether it inserted. */
    public Mono<Boolean> insert(Lot lot) {
        return bindLot(database.sql("INSERT INTO lot (id, operator_id, district_code, lon, lat, capacity_total, "
                        + "feature, indoor, version) VALUES (:id, :operator, :district, :lon, :lat, :capacity, "
                        + "CAST(:feature AS json), CAST(:indoor AS json), :version) ON CONFLICT (id) DO NOTHING"), lot)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /**
     * Replaces a lot if it is still at {@code expectedVersion} (optimistic locking in SQL); emits whether it did.
     */
    public Mono<Boolean> update(Lot lot, long expectedVersion) {
        return bindLot(database.sql("UPDATE lot SET operator_id = :operator, district_code = :district, lon = :lon, "
                        + "lat = :lat, capacity_total = :capacity, feature = CAST(:feature AS json), "
                        + "indoor = CAST(:indoor AS json), version = :version, updated_at = now() "
                        + "WHERE id = :id AND version = :expected"), lot)
                .bind("expected", expectedVersion)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    private static DatabaseClient.GenericExecuteSpec bindLot(DatabaseClient.GenericExecuteSpec spec, Lot lot) {
        spec = spec.bind("id", lot.id().value())
                .bind("operator", lot.operator().value())
                .bind("district", lot.districtCode())
                .bind("lon", lot.point().lon())
                .bind("lat", lot.point().lat())
                .bind("capacity", lot.capacity().total())
                .bind("feature", GeoJsonCodec.lotToFeatureJson(lot))
                .bind("version", lot.version());
        return lot.indoorModel() == null ? spec.bindNull("indoor", String.class)
                : spec.bind("indoor", GeoJsonCodec.indoorToJson(lot).toString());
    }

    /** The first of the lot's indoor bay ids that another lot or a street segment already uses. */
    public Mono<Optional<TakenBay>> findBayTakenElsewhere(Lot lot) {
        if (lot.indoorModel() == null || lot.indoorModel().bays().isEmpty()) {
            return Mono.just(Optional.empty());
        }
        return database.sql("SELECT id, lot_id, segment_id FROM bay WHERE id = ANY(CAST(:ids AS text[])) "
                        + "AND (lot_id IS NULL OR lot_id <> :lot) ORDER BY id LIMIT 1")
                .bind("ids", bayIds(lot.indoorModel().bays()))
                .bind("lot", lot.id().value())
                .map(row -> {
                    String lotId = row.get("lot_id", String.class);
                    return new TakenBay(row.get("id", String.class),
                            lotId != null ? "lot " + lotId : "segment " + row.get("segment_id", String.class));
                })
                .one()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /**
     * Replaces the rows of the lot's indoor bays; emits whether every bay was written (false when a bay id was
     * taken by another place in the meantime: the caller rolls back).
     */
    public Mono<Boolean> replaceBays(Lot lot) {
        Mono<Long> delete = database.sql("DELETE FROM bay WHERE lot_id = :lot").bind("lot", lot.id().value())
                .fetch().rowsUpdated();
        if (lot.indoorModel() == null || lot.indoorModel().bays().isEmpty()) {
            return delete.thenReturn(true);
        }
        List<Bay> bays = lot.indoorModel().bays();
        Mono<Long> insert = database.sql("INSERT INTO bay (id, lot_id, segment_id, category, floor, zone_id, lon, lat) "
                        + "SELECT i, :lot, NULL, c, f, z, x, y FROM unnest(CAST(:ids AS text[]), "
                        + "CAST(:cats AS text[]), CAST(:floors AS int[]), CAST(:zones AS text[]), "
                        + "CAST(:lons AS float8[]), CAST(:lats AS float8[])) AS t(i, c, f, z, x, y) "
                        + "ON CONFLICT (id) DO NOTHING")
                .bind("lot", lot.id().value())
                .bind("ids", bayIds(bays))
                .bind("cats", bays.stream().map(b -> b.category().name()).toArray(String[]::new))
                .bind("floors", bays.stream().map(Bay::floor).toArray(Integer[]::new))
                .bind("zones", bays.stream().map(Bay::zoneId).toArray(String[]::new))
                .bind("lons", bays.stream().map(b -> b.point().lon()).toArray(Double[]::new))
                .bind("lats", bays.stream().map(b -> b.point().lat()).toArray(Double[]::new))
                .fetch().rowsUpdated();
        return delete.then(insert).map(rows -> rows == bays.size());
    }

    private static String[] bayIds(List<Bay> bays) {
        return bays.stream().map(b -> b.id().value()).toArray(String[]::new);
    }
}
