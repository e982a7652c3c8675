package dev.citypark.registry.persistence;

import dev.citypark.core.OperatorId;
import dev.citypark.registry.District;
import dev.citypark.registry.GuidanceScreen;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Operator;
import dev.citypark.registry.OperatorKind;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.geodata.GeoJsonCodec;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the whole registry from PostgreSQL into a {@link RegistrySnapshot}. */
@Component
public class RegistryStore {

    private final DatabaseClient database;
    private final JsonMapper json = GeoJsonCodec.mapper();

    RegistryStore(DatabaseClient database) {
        this.database = database;
    }

    /** Loads everything; parsing and index building run on a worker, not on the database's event loop. */
    public Mono<RegistrySnapshot> load() {
        Mono<java.util.List<Operator>> operators = database.sql("SELECT id, name, kind FROM operator ORDER BY id")
                .map(row -> new Operator(OperatorId.of(row.get("id", String.class)), row.get("name", String.class),
                        OperatorKind.valueOf(row.get("kind", String.class))))
                .all().collectList();
        Mono<java.util.List<String>> districts = database.sql("SELECT feature::text AS f FROM district ORDER BY code")
                .map(row -> row.get("f", String.class)).all().collectList();
        Mono<java.util.List<String[]>> lots = database.sql("SELECT feature::text AS f, indoor::text AS n FROM lot ORDER BY id")
                .map(row -> new String[] {row.get("f", String.class), row.get("n", String.class)}).all().collectList();
        Mono<java.util.List<String>> segments = database.sql("SELECT feature::text AS f FROM segment ORDER BY id")
                .map(row -> row.get("f", String.class)).all().collectList();
        Mono<java.util.List<String>> screens = database.sql("SELECT feature::text AS f FROM guidance_screen ORDER BY id")
                .map(row -> row.get("f", String.class)).all().collectList();
        return Mono.zip(operators, districts, lots, segments, screens)
                .publishOn(Schedulers.boundedElastic())
                .map(rows -> new RegistrySnapshot(rows.getT1(),
                        rows.getT2().stream().map(this::district).toList(),
                        rows.getT3().stream().map(this::lot).toList(),
                        rows.getT4().stream().map(this::segment).toList(),
                        rows.getT5().stream().map(this::screen).toList()));
    }

    /** One lot as stored now, or empty when there is none. */
    public Mono<Lot> loadLot(dev.citypark.core.LotId id) {
        return database.sql("SELECT feature::text AS f, indoor::text AS n FROM lot WHERE id = :id")
                .bind("id", id.value())
                .map(row -> new String[] {row.get("f", String.class), row.get("n", String.class)})
                .one()
                .publishOn(Schedulers.boundedElastic())
                .map(this::lot);
    }

    private District district(String feature) {
        return GeoJsonCodec.districtFromFeature(json.readTree(feature));
    }

    private Lot lot(String[] row) {
        JsonNode indoor = row[1] == null ? null : json.readTree(row[1]);
        return GeoJsonCodec.lotFromFeature(json.readTree(row[0]), ref -> indoorModel(indoor, ref));
    }

    private static IndoorModel indoorModel(JsonNode indoor, String ref) {
        if (indoor == null) {
            throw new IllegalStateException("lot refers to indoor model " + ref + " but none is stored");
        }
        return GeoJsonCodec.indoorFromJson(indoor, ref);
    }

    private Segment segment(String feature) {
        return GeoJsonCodec.segmentFromFeature(json.readTree(feature));
    }

    private GuidanceScreen screen(String feature) {
        return GeoJsonCodec.screenFromFeature(json.readTree(feature));
    }
}
