package dev.citypark.session;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import dev.citypark.core.OperatorId;
import dev.citypark.core.Plate;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GateKind;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;

/**
 * Real places of the committed Qingdao city for integration tests, and fresh plates: the tests share one database,
 * so each uses plates nobody else uses.
 */
public final class CityFixtures {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String SERIAL = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    private CityFixtures() {
    }

    /** A plate no other test uses: 鲁B and five random serial characters. */
    public static String freshPlate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder plate = new StringBuilder("鲁B");
        for (int i = 0; i < 5; i++) {
            plate.append(SERIAL.charAt(random.nextInt(SERIAL.length())));
        }
        return Plate.of(plate.toString()).value();
    }

    /** A local Asia/Shanghai time. */
    public static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** A lot priced by {@code tariffId} with separate entry and exit gates. */
    public static GatedLot lot(Registry registry, String tariffId) {
        List<Lot> lots = registry.snapshot().listLots(null, lot -> lot.tariffId().equals(tariffId)
                && entryGate(lot) != null && exitGate(lot) != null, null, 1);
        if (lots.isEmpty()) {
            throw new IllegalStateException("no lot with tariff " + tariffId + " in the registry");
        }
        Lot lot = lots.get(0);
        return new GatedLot(lot, entryGate(lot).id().value(), exitGate(lot).id().value());
    }

    /** A lot of {@code operator} priced by {@code tariffId}, with separate entry and exit gates. */
    public static GatedLot lotOf(Registry registry, OperatorId operator, String tariffId) {
        Lot lot = registry.snapshot().listLots(null, l -> l.operator().equals(operator)
                && l.tariffId().equals(tariffId) && entryGate(l) != null && exitGate(l) != null, null, 1).get(0);
        return new GatedLot(lot, entryGate(lot).id().value(), exitGate(lot).id().value());
    }

    /** A street segment of {@code operator} with at least four bays. */
    public static Segment segmentOf(Registry registry, OperatorId operator) {
        return registry.snapshot().listSegmentsIntersecting(new org.locationtech.jts.geom.Envelope(119, 122, 35, 38))
                .stream().filter(s -> s.operator().equals(operator) && s.bays().size() >= 4)
                .min(java.util.Comparator.comparing(s -> s.id().value()))
                .orElseThrow();
    }

    /** A mainland mobile number no other test signs in with. */
    public static String freshPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A lot of another operator than {@code operator}. */
    public static GatedLot lotNotOf(Registry registry, OperatorId operator) {
        Lot lot = registry.snapshot().listLots(null, l -> !l.operator().equals(operator)
                && entryGate(l) != null && exitGate(l) != null, null, 1).get(0);
        return new GatedLot(lot, entryGate(lot).id().value(), exitGate(lot).id().value());
    }

    /** A street segment priced by {@code tariffId}. */
    public static Segment segment(Registry registry, String tariffId) {
        return registry.snapshot().listSegmentsIntersecting(new org.locationtech.jts.geom.Envelope(119, 122, 35, 38))
                .stream().filter(s -> s.tariffId().equals(tariffId) && s.bays().size() >= 4)
                .min(java.util.Comparator.comparing(s -> s.id().value()))
                .orElseThrow();
    }

    private static Gate entryGate(Lot lot) {
        return lot.gates().stream().filter(g -> g.kind() == GateKind.ENTRY).findFirst().orElse(null);
    }

    private static Gate exitGate(Lot lot) {
        return lot.gates().stream().filter(g -> g.kind() == GateKind.EXIT).findFirst().orElse(null);
    }

    public record GatedLot(Lot lot, String entryGate, String exitGate) {

        public String id() {
            return lot.id().value();
        }

        public OperatorId operator() {
            return lot.operator();
        }
    }
}
