package dev.citypark.registry;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.TestTopics;
import dev.citypark.core.ConflictException;
import dev.citypark.core.ForbiddenException;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.Outbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's lot write on the committed city: create, update, optimistic locking, preconditions, operator scope,
 * and every validation rule answered with the offending field and nothing written (database and snapshot unchanged).
 */
@CityparkIntegrationTest
class OperatorLotsIntegrationTest {

    static final OperatorId OWNER = OperatorId.of("OP-GAR-01");
    static final OperatorId OTHER = OperatorId.of("OP-GAR-02");

    @Autowired
    OperatorLots lots;

    @Autowired
    Registry registry;

    @Autowired
    DatabaseClient database;

    @Autowired
    Outbox outbox;

    @Autowired
    KafkaTemplate<String, String> kafka;

    double lat;
    double lon;

    @BeforeEach
    void placeInShinan() {
        Point inside = registry.snapshot().findDistrict("370202").orElseThrow().area().getInteriorPoint();
        lat = inside.getY();
        lon = inside.getX();
    }

    @AfterEach
    void removeTestLots() {
        TestLots.removeAll(database, outbox, lots);
        assertThat(registry.snapshot().totalSpaces()).isEqualTo(300_000);
    }

    private LotWrite put(OperatorId caller, LotId id, ObjectNode feature) {
        return lots.putLot(caller, id, feature, LotPrecondition.NONE).block(Duration.ofSeconds(30));
    }

    private Long storedVersion(LotId id) {
        return database.sql("SELECT version FROM lot WHERE id = :id").bind("id", id.value())
                .map(row -> row.get("version", Long.class)).one().block(Duration.ofSeconds(10));
    }

    @Test
    void createsLotAtVersionOneVisibleInSnapshotDistrictCountsAndOutbox() {
        LotId id = TestLots.newId();
        long shinanBefore = registry.snapshot().findDistrictSummary("370202").orElseThrow().offStreetSpaces();

        LotWrite written = put(OWNER, id, TestLots.surfaceLot(id, OWNER, lat, lon));

        assertThat(written.created()).isTrue();
        assertThat(written.lot().version()).isEqualTo(1);
        assertThat(storedVersion(id)).isEqualTo(1);
        assertThat(registry.snapshot().findLot(id)).contains(written.lot());
        assertThat(registry.snapshot().findDistrictSummary("370202").orElseThrow().offStreetSpaces())
                .isEqualTo(shinanBefore + 55);
        assertThat(registry.snapshot().findGateLot(written.lot().gates().get(0).id())).contains(id);
        List<String> events = TestTopics.readValuesForKey(kafka, LotChanged.TOPIC, id.value(), Duration.ofSeconds(20));
        assertThat(events).isNotEmpty();
        assertThat(LotChanged.fromJson(events.get(0)).version()).isEqualTo(1);
    }

    @Test
    void updatesWithTheCurrentVersionAndRefusesAStaleOne() {
        LotId id = TestLots.newId();
        put(OWNER, id, TestLots.surfaceLot(id, OWNER, lat, lon));

        ObjectNode update = TestLots.surfaceLot(id, OWNER, lat, lon);
        props(update).put("version", 1);
        props(update).put("name", "测试停车场（扩建）");
        capacity(update).put("GENERAL", 80);
        LotWrite written = put(OWNER, id, update);
        assertThat(written.created()).isFalse();
        assertThat(written.lot().version()).isEqualTo(2);
        assertThat(storedVersion(id)).isEqualTo(2);
        assertThat(registry.snapshot().findLot(id).orElseThrow().name()).isEqualTo("测试停车场（扩建）");

        // the same update again carries version 1, which is stale now
        props(update).put("name", "lost update");
        StepVerifier.create(lots.putLot(OWNER, id, update, LotPrecondition.NONE))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConflictException.class)
                        .hasMessageContaining("version 2"))
                .verify();
        assertThat(storedVersion(id)).isEqualTo(2);
        assertThat(registry.snapshot().findLot(id).orElseThrow().name()).isEqualTo("测试停车场（扩建）");

        // without any version an existing lot is not overwritten
        props(update).remove("version");
        StepVerifier.create(lots.putLot(OWNER, id, update, LotPrecondition.NONE))
                .expectError(ConflictException.class).verify();
        // If-Match with the current version stands in for properties.version
        StepVerifier.create(lots.putLot(OWNER, id, update, new LotPrecondition(2L, false, false)))
                .assertNext(w -> assertThat(w.lot().version()).isEqualTo(3))
                .verifyComplete();
    }

    @Test
    void ofTwoConcurrentUpdatesFromTheSameVersionExactlyOneWins() {
        LotId id = TestLots.newId();
        put(OWNER, id, TestLots.surfaceLot(id, OWNER, lat, lon));
        ObjectNode first = TestLots.surfaceLot(id, OWNER, lat, lon);
        props(first).put("version", 1);
        props(first).put("name", "甲");
        ObjectNode second = first.deepCopy();
        props(second).put("name", "乙");

        List<Object> outcomes = reactor.core.publisher.Flux.merge(
                        lots.putLot(OWNER, id, first, LotPrecondition.NONE).map(w -> (Object) w)
                                .onErrorResume(e -> reactor.core.publisher.Mono.just(e)),
                        lots.putLot(OWNER, id, second, LotPrecondition.NONE).map(w -> (Object) w)
                                .onErrorResume(e -> reactor.core.publisher.Mono.just(e)))
                .collectList().block(Duration.ofSeconds(30));

        assertThat(outcomes).hasSize(2);
        assertThat(outcomes).filteredOn(LotWrite.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).hasSize(1);
        LotWrite winner = (LotWrite) outcomes.stream().filter(LotWrite.class::isInstance).findFirst().orElseThrow();
        assertThat(storedVersion(id)).isEqualTo(2);
        assertThat(registry.snapshot().findLot(id).orElseThrow().name()).isEqualTo(winner.lot().name());
    }

    @Test
    void bayIdsTheSnapshotDoesNotKnowYetAreCheckedInTheDatabase() {
        // a bay another instance has just written: in the database, not yet in this snapshot
        String segment = registry.snapshot().listSegments(null, s -> true, null, 1).get(0).id().value();
        String bayId = TestLots.PREFIX + "ELSEWHERE-B1";
        database.sql("INSERT INTO bay (id, segment_id, category, floor, lon, lat) VALUES (:id, :segment, 'GENERAL', 0, "
                        + ":lon, :lat)")
                .bind("id", bayId).bind("segment", segment).bind("lon", lon).bind("lat", lat)
                .then().block(Duration.ofSeconds(10));
        try {
            Lot garage = registry.snapshot().listLots(null, l -> l.indoorModel() != null, null, 1).get(0);
            LotId id = TestLots.newId();
            ObjectNode feature = TestLots.copyOfGarage(garage, id);
            props(feature).put("operator", OWNER.value());
            ((ObjectNode) props(feature).get("indoor").get("bays").get(5)).put("id", bayId);
            StepVerifier.create(lots.putLot(OWNER, id, feature, LotPrecondition.NONE))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(InvalidValueException.class).hasMessageContaining(segment);
                        assertThat(((InvalidValueException) e).field()).isEqualTo("properties.indoor.bays[5].id");
                    })
                    .verify();
            assertThat(storedVersion(id)).isNull();
            assertThat(bayRows(id)).isZero();
        }
        finally {
            database.sql("DELETE FROM bay WHERE id = :id").bind("id", bayId).then().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void createRequiresNoVersionOrZero() {
        LotId id = TestLots.newId();
        ObjectNode feature = TestLots.surfaceLot(id, OWNER, lat, lon);
        props(feature).put("version", 4);
        StepVerifier.create(lots.putLot(OWNER, id, feature, LotPrecondition.NONE))
                .expectError(ConflictException.class).verify();
        assertThat(storedVersion(id)).isNull();
        props(feature).put("version", 0);
        assertThat(put(OWNER, id, feature).lot().version()).isEqualTo(1);
    }

    @Test
    void preconditionsAreCheckedAgainstTheStoredLot() {
        LotId id = TestLots.newId();
        ObjectNode feature = TestLots.surfaceLot(id, OWNER, lat, lon);
        StepVerifier.create(lots.putLot(OWNER, id, feature, new LotPrecondition(1L, false, false)))
                .expectError(PreconditionFailedException.class).verify();
        StepVerifier.create(lots.putLot(OWNER, id, feature, new LotPrecondition(null, true, false)))
                .expectError(PreconditionFailedException.class).verify();
        StepVerifier.create(lots.putLot(OWNER, id, feature, new LotPrecondition(null, false, true)))
                .assertNext(w -> assertThat(w.created()).isTrue()).verifyComplete();
        StepVerifier.create(lots.putLot(OWNER, id, feature, new LotPrecondition(null, false, true)))
                .expectError(PreconditionFailedException.class).verify();
        StepVerifier.create(lots.putLot(OWNER, id, feature, new LotPrecondition(7L, false, false)))
                .expectError(PreconditionFailedException.class).verify();
        StepVerifier.create(lots.putLot(OWNER, id, feature, new LotPrecondition(null, true, false)))
                .assertNext(w -> assertThat(w.lot().version()).isEqualTo(2)).verifyComplete();
    }

    @Test
    void operatorsTouchOnlyTheirOwnLots() {
        Lot foreign = registry.snapshot().listLotsOf(OTHER).get(0);
        ObjectNode feature = TestLots.surfaceLot(foreign.id(), OWNER, lat, lon);
        props(feature).put("version", foreign.version());
        StepVerifier.create(lots.putLot(OWNER, foreign.id(), feature, LotPrecondition.NONE))
                .expectError(ForbiddenException.class).verify();
        assertThat(registry.snapshot().findLot(foreign.id())).contains(foreign);
        assertThat(storedVersion(foreign.id())).isEqualTo(foreign.version());

        LotId id = TestLots.newId();
        StepVerifier.create(lots.putLot(OWNER, id, TestLots.surfaceLot(id, OTHER, lat, lon), LotPrecondition.NONE))
                .expectError(ForbiddenException.class).verify();
        assertThat(storedVersion(id)).isNull();
    }

    @Test
    void createsAGarageWithItsIndoorBaysAndReplacesThemOnUpdate() {
        Lot garage = registry.snapshot().listLots(null, l -> l.indoorModel() != null, null, 1).get(0);
        LotId id = TestLots.newId();
        ObjectNode feature = TestLots.copyOfGarage(garage, id);
        props(feature).put("operator", OWNER.value());
        LotWrite written = put(OWNER, id, feature);
        var firstBay = written.lot().indoorModel().bays().get(0);
        assertThat(registry.snapshot().findBay(firstBay.id())).hasValueSatisfying(place ->
                assertThat(place.lot()).contains(id));
        assertThat(bayRows(id)).isEqualTo(garage.indoorModel().bays().size());

        props(feature).remove("indoor");
        props(feature).put("version", 1);
        put(OWNER, id, feature);
        assertThat(bayRows(id)).isZero();
        assertThat(registry.snapshot().findBay(firstBay.id())).isEmpty();
    }

    private long bayRows(LotId id) {
        return database.sql("SELECT count(*) AS n FROM bay WHERE lot_id = :id").bind("id", id.value())
                .map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
    }

    @Test
    void aChangeMadeElsewhereReachesThisSnapshotThroughTheEvent() throws InterruptedException {
        LotId id = TestLots.newId();
        put(OWNER, id, TestLots.surfaceLot(id, OWNER, lat, lon));
        // another instance wrote version 2 directly: this instance learns of it only through the event
        ObjectNode changed = TestLots.surfaceLot(id, OWNER, lat, lon);
        props(changed).put("version", 2);
        props(changed).put("name", "别处修改");
        database.sql("UPDATE lot SET feature = CAST(:f AS json), version = 2 WHERE id = :id")
                .bind("f", changed.toString()).bind("id", id.value()).then().block(Duration.ofSeconds(10));
        LotChanged event = new LotChanged("e-" + id, id, OWNER, "370202", 2, java.time.Instant.now());
        outbox.append(new dev.citypark.core.OutboxMessage(LotChanged.TOPIC, id.value(), LotChanged.TYPE,
                event.toJson())).block(Duration.ofSeconds(10));

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (registry.snapshot().findLot(id).orElseThrow().version() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50); // the test thread waits for the listener; no reactive thread is involved
        }
        assertThat(registry.snapshot().findLot(id).orElseThrow().name()).isEqualTo("别处修改");
    }

    // ------------------------------------------------------------------ validation: 400 naming the field

    @Test
    void refusesMalformedGeoJson() {
        expectInvalid(f -> f.put("type", "Point"), "type");
        expectInvalid(f -> f.remove("geometry"), "geometry");
        expectInvalid(f -> f.remove("properties"), "properties");
        expectInvalid(f -> props(f).put("gates", "none"), "properties.gates");
        expectInvalid(f -> props(f).put("type", "BOAT"), "properties.type");
        expectInvalid(f -> props(f).remove("name"), "properties.name");
    }

    @Test
    void refusesCoordinatesOutOfRangeOrOutsideTheCity() {
        expectInvalid(f -> ((ArrayNode) ring(f).get(1)).set(0, 200.0), "geometry");
        expectInvalid(f -> ((ArrayNode) ring(f).get(1)).set(1, -91.0), "geometry");
        expectInvalid(f -> props(f).putArray("point").add(120.38).add(95.0), "properties.point");
        // the same lot in Beijing
        LotId id = TestLots.newId();
        expectInvalid(id, TestLots.surfaceLot(id, OWNER, 39.9087, 116.3975), "geometry");
        // in the sea east of the city
        LotId sea = TestLots.newId();
        expectInvalid(sea, TestLots.surfaceLot(sea, OWNER, 36.0, 121.2), "geometry");
    }

    @Test
    void refusesSelfIntersectingFootprint() {
        expectInvalid(f -> {
            ArrayNode ring = ring(f);
            // swap two corners: a bow tie
            ArrayNode second = (ArrayNode) ring.get(1).deepCopy();
            ring.set(1, ring.get(2).deepCopy());
            ring.set(2, second);
        }, "geometry");
    }

    @Test
    void refusesPointOutsideTheFootprint() {
        expectInvalid(f -> props(f).putArray("point").add(lon + 0.002).add(lat), "properties.point");
    }

    @Test
    void refusesGatesFarFromTheFootprint() {
        expectInvalid(f -> ((ObjectNode) props(f).get("gates").get(1)).putArray("point").add(lon).add(lat - 0.002),
                "properties.gates[1].point");
    }

    @Test
    void refusesGateIdsOfOtherLots() {
        Lot other = registry.snapshot().listLots(null, l -> !l.gates().isEmpty(), null, 1).get(0);
        expectInvalid(f -> ((ObjectNode) props(f).get("gates").get(0)).put("id", other.gates().get(0).id().value()),
                "properties.gates[0].id");
    }

    @Test
    void refusesNegativeCapacitiesUnknownDistrictsOpeningHoursAndTariffs() {
        expectInvalid(f -> capacity(f).put("GENERAL", -1), "properties.capacity.GENERAL");
        expectInvalid(f -> capacity(f).put("BICYCLE", 1), "properties.capacity.BICYCLE");
        expectInvalid(f -> props(f).put("totalSpaces", 99), "properties.totalSpaces");
        expectInvalid(f -> props(f).put("districtCode", "370299"), "properties.districtCode");
        expectInvalid(f -> props(f).put("openingHours", "Mo-Fr 25:00-26:00"), "properties.openingHours");
        expectInvalid(f -> props(f).put("openingHours", "whenever"), "properties.openingHours");
        expectInvalid(f -> props(f).put("tariffId", "QD-NO-SUCH-TARIFF"), "properties.tariffId");
        expectInvalid(f -> props(f).put("id", "QD-T-SOMETHING-ELSE"), "properties.id");
    }

    @Test
    void refusesIndoorBaysOutsideTheFootprintDuplicatedOrInconsistentWithCapacity() {
        Lot garage = registry.snapshot().listLots(null, l -> l.indoorModel() != null, null, 1).get(0);
        Lot otherGarage = registry.snapshot().listLots(null, l -> l.indoorModel() != null, garage.id().value(), 1)
                .get(0);
        String streetBay = registry.snapshot().listSegments(null, s -> true, null, 1).get(0).bays().get(0).id()
                .value();
        expectInvalidGarage(garage, bays -> ((ObjectNode) bays.get(3)).putArray("point").add(121.0).add(36.2),
                "properties.indoor.bays[3].point");
        expectInvalidGarage(garage, bays -> ((ObjectNode) bays.get(1)).put("id", bays.get(0).get("id").stringValue()),
                "properties.indoor.bays[1].id");
        expectInvalidGarage(garage, bays -> ((ObjectNode) bays.get(2)).put("id", streetBay),
                "properties.indoor.bays[2].id");
        expectInvalidGarage(garage, bays -> ((ObjectNode) bays.get(4)).put("id",
                otherGarage.indoorModel().bays().get(0).id().value()), "properties.indoor.bays[4].id");
        expectInvalidGarage(garage, bays -> bays.remove(bays.size() - 1), "properties.capacity.");
    }

    private void expectInvalidGarage(Lot garage, Consumer<ArrayNode> change, String field) {
        LotId id = TestLots.newId();
        ObjectNode feature = TestLots.copyOfGarage(garage, id);
        props(feature).put("operator", OWNER.value());
        props(feature).remove("totalSpaces");
        change.accept((ArrayNode) props(feature).get("indoor").get("bays"));
        expectInvalid(id, feature, field);
    }

    private void expectInvalid(Consumer<ObjectNode> change, String field) {
        LotId id = TestLots.newId();
        ObjectNode feature = TestLots.surfaceLot(id, OWNER, lat, lon);
        change.accept(feature);
        expectInvalid(id, feature, field);
    }

    private void expectInvalid(LotId id, ObjectNode feature, String field) {
        RegistrySnapshot before = registry.snapshot();
        StepVerifier.create(lots.putLot(OWNER, id, feature, LotPrecondition.NONE))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(InvalidValueException.class);
                    assertThat(((InvalidValueException) e).field()).as(e.getMessage()).startsWith(field);
                })
                .verify();
        assertThat(registry.snapshot()).isSameAs(before);
        assertThat(storedVersion(id)).isNull();
    }

    private static ObjectNode props(ObjectNode feature) {
        return (ObjectNode) feature.get("properties");
    }

    private static ObjectNode capacity(ObjectNode feature) {
        return (ObjectNode) props(feature).get("capacity");
    }

    private static ArrayNode ring(ObjectNode feature) {
        return (ArrayNode) feature.get("geometry").get("coordinates").get(0);
    }
}
