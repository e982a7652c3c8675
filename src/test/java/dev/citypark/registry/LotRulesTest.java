package dev.citypark.registry;

import java.util.List;
import java.util.Set;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each of the city rules for an operator's lot, alone, on a tiny city of one district. */
class LotRulesTest {

    static final OperatorId OPERATOR = OperatorId.of("OP-GAR-01");
    static final GeoPoint CENTRE = GeoPoint.of(36.066, 120.383);

    static Polygon square(double lat, double lon, double half) {
        return Wgs84Geometry.rightHandRule(Wgs84Geometry.factory().createPolygon(new Coordinate[] {
                new Coordinate(lon - half, lat - half), new Coordinate(lon + half, lat - half),
                new Coordinate(lon + half, lat + half), new Coordinate(lon - half, lat + half),
                new Coordinate(lon - half, lat - half)}));
    }

    static Lot lot(String id, GeoPoint point, List<Gate> gates, IndoorModel indoor, String district, String tariff) {
        Capacity capacity = indoor == null ? Capacity.ofGeneral(40) : indoor.capacity();
        return new Lot(LotId.of(id), OPERATOR, "测试停车场", "Test Car Park", "青岛市市南区测试路1号", district, point,
                square(point.lat(), point.lon(), 0.0004), gates, capacity, "24/7", tariff, LotType.SURFACE, false, 0,
                indoor);
    }

    static Lot lot(String id, List<Gate> gates) {
        return lot(id, CENTRE, gates, null, "370202", "QD-T1-CORE");
    }

    static Gate gate(String id, double lat, double lon) {
        return new Gate(GateId.of(id), GateKind.BOTH, GeoPoint.of(lat, lon));
    }

    /** One floor, one junction, the given bays (all linked to the junction). */
    static IndoorModel indoor(List<Bay> bays) {
        WalkNode junction = new WalkNode("L1-J1", WalkNodeKind.JUNCTION, 1, CENTRE, null, null);
        return new IndoorModel(List.of(new Floor(1, "L1")), List.of(), bays, List.of(junction), List.of(),
                bays.stream().map(b -> new BayLink(b.id(), "L1-J1", 1.0)).toList());
    }

    static Bay bay(String id) {
        return new Bay(BayId.of(id), SpaceCategory.GENERAL, CENTRE, 1, null);
    }

    /** One district (a square of about 20 km around the centre), one existing lot with a gate, one street segment. */
    static RegistrySnapshot city() {
        District shinan = new District("370202", "市南区", "Shinan District", square(36.066, 120.383, 0.1), true);
        Lot existing = lot("QD-L-EXIST", CENTRE, List.of(gate("QD-L-EXIST-G1", 36.0656, 120.383)),
                indoor(List.of(bay("QD-L-EXIST-B1"))), "370202", "QD-T1-CORE");
        Segment street = new Segment(SegmentId.of("QD-S-1"), OPERATOR, "香港中路", "370202",
                Wgs84Geometry.factory().createLineString(new Coordinate[] {new Coordinate(120.38, 36.06),
                        new Coordinate(120.381, 36.06)}),
                List.of(Bay.onStreet(BayId.of("QD-S-1-01"), SpaceCategory.GENERAL, GeoPoint.of(36.06, 120.3805))),
                "QD-ONSTREET-A", Restrictions.NONE, 1);
        return new RegistrySnapshot(List.of(new Operator(OPERATOR, "青岛海湾停车管理有限公司",
                OperatorKind.GARAGE_COMPANY)), List.of(shinan), List.of(existing), List.of(street), List.of());
    }

    static void assertRefused(LotRules.LotRule rule, Lot lot, String field) {
        assertThatThrownBy(() -> rule.check(lot, city()))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field));
    }

    static void assertAccepted(LotRules.LotRule rule, Lot lot) {
        assertThatCode(() -> rule.check(lot, city())).doesNotThrowAnyException();
    }

    @Test
    void everyRuleRunsInOrder() {
        assertThat(new LotRules(id -> true).rules()).extracting(LotRules.LotRule::name).containsExactly(
                "known operator", "known district", "known tariff", "inside the city", "gates near the footprint",
                "gate ids unique in the city", "bay ids unique in the city");
        assertThatCode(() -> new LotRules(id -> true).check(lot("QD-L-NEW", List.of(gate("QD-L-NEW-G1", 36.0656,
                120.383))), city())).doesNotThrowAnyException();
    }

    @Test
    void refusesUnknownOperator() {
        Lot lot = lot("QD-L-NEW", List.of());
        Lot foreign = new Lot(lot.id(), OperatorId.of("OP-NOBODY"), lot.name(), lot.nameEn(), lot.address(),
                lot.districtCode(), lot.point(), lot.footprint(), lot.gates(), lot.capacity(), lot.openingHours(),
                lot.tariffId(), lot.type(), false, 0, null);
        assertRefused(LotRules.knownOperator(), foreign, "properties.operator");
        assertAccepted(LotRules.knownOperator(), lot);
    }

    @Test
    void refusesUnknownDistrict() {
        assertRefused(LotRules.knownDistrict(), lot("QD-L-NEW", CENTRE, List.of(), null, "370203", "QD-T1-CORE"),
                "properties.districtCode");
        assertAccepted(LotRules.knownDistrict(), lot("QD-L-NEW", List.of()));
    }

    @Test
    void refusesUnknownTariff() {
        LotRules.LotRule rule = LotRules.knownTariff(Set.of("QD-T1-CORE")::contains);
        assertRefused(rule, lot("QD-L-NEW", CENTRE, List.of(), null, "370202", "QD-NOPE"), "properties.tariffId");
        assertAccepted(rule, lot("QD-L-NEW", List.of()));
    }

    @Test
    void refusesFootprintOutsideTheCity() {
        assertRefused(LotRules.insideCity(), lot("QD-L-NEW", GeoPoint.of(39.9087, 116.3975), List.of(), null,
                "370202", "QD-T1-CORE"), "geometry");
        // straddling the district's edge is outside too
        assertRefused(LotRules.insideCity(), lot("QD-L-NEW", GeoPoint.of(36.166, 120.383), List.of(), null,
                "370202", "QD-T1-CORE"), "geometry");
        assertAccepted(LotRules.insideCity(), lot("QD-L-NEW", List.of()));
    }

    @Test
    void refusesGatesFarFromTheFootprint() {
        // the footprint's southern edge is at 36.0656; 0.0003 degrees of latitude are about 33 m
        assertRefused(LotRules.gatesNearFootprint(), lot("QD-L-NEW", List.of(gate("QD-L-NEW-G1", 36.0656, 120.383),
                gate("QD-L-NEW-G2", 36.0653, 120.383))), "properties.gates[1].point");
        assertAccepted(LotRules.gatesNearFootprint(), lot("QD-L-NEW", List.of(gate("QD-L-NEW-G1", 36.0655,
                120.383), gate("QD-L-NEW-G2", 36.066, 120.383))));
    }

    @Test
    void refusesGateIdsOfAnotherLot() {
        assertRefused(LotRules.gateIdsUniqueInCity(), lot("QD-L-NEW", List.of(gate("QD-L-EXIST-G1", 36.0656,
                120.383))), "properties.gates[0].id");
        // the lot itself may keep its gates on update
        assertAccepted(LotRules.gateIdsUniqueInCity(), lot("QD-L-EXIST", List.of(gate("QD-L-EXIST-G1", 36.0656,
                120.383))));
    }

    @Test
    void refusesBayIdsOfAnotherLotOrAStreetSegment() {
        assertRefused(LotRules.bayIdsUniqueInCity(), lot("QD-L-NEW", CENTRE, List.of(),
                indoor(List.of(bay("QD-L-NEW-B1"), bay("QD-S-1-01"))), "370202", "QD-T1-CORE"),
                "properties.indoor.bays[1].id");
        assertRefused(LotRules.bayIdsUniqueInCity(), lot("QD-L-NEW", CENTRE, List.of(),
                indoor(List.of(bay("QD-L-EXIST-B1"))), "370202", "QD-T1-CORE"), "properties.indoor.bays[0].id");
        assertAccepted(LotRules.bayIdsUniqueInCity(), lot("QD-L-EXIST", CENTRE, List.of(),
                indoor(List.of(bay("QD-L-EXIST-B1"), bay("QD-L-EXIST-B2"))), "370202", "QD-T1-CORE"));
    }

    @Test
    void snapshotWithAndWithoutALotKeepsCountsAndIndexesConsistent() {
        RegistrySnapshot city = city();
        Lot added = lot("QD-L-NEW", CENTRE, List.of(gate("QD-L-NEW-G1", 36.0656, 120.383)),
                indoor(List.of(bay("QD-L-NEW-B1"), bay("QD-L-NEW-B2"))), "370202", "QD-T1-CORE");
        RegistrySnapshot withLot = city.withLot(added);
        assertThat(city.findLot(added.id())).isEmpty();
        assertThat(withLot.totalSpaces()).isEqualTo(city.totalSpaces() + 2);
        assertThat(withLot.findBay(BayId.of("QD-L-NEW-B2"))).isPresent();
        assertThat(withLot.findGateLot(GateId.of("QD-L-NEW-G1"))).contains(added.id());
        assertThat(withLot.listLots(new Envelope(CENTRE.asJtsCoordinate()), l -> true, null, 10)).hasSize(2);

        RegistrySnapshot without = withLot.withoutLot(added.id());
        assertThat(without.findLot(added.id())).isEmpty();
        assertThat(without.findBay(BayId.of("QD-L-NEW-B2"))).isEmpty();
        assertThat(without.findGateLot(GateId.of("QD-L-NEW-G1"))).isEmpty();
        assertThat(without.totalSpaces()).isEqualTo(city.totalSpaces());
        assertThat(without.findBay(BayId.of("QD-S-1-01"))).isPresent();
        assertThat(without.withoutLot(added.id())).isSameAs(without);
        assertThat(without.listDistricts().get(0).lots()).isEqualTo(1);
    }
}
