package dev.citypark.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SensorId;
import dev.citypark.occupancy.BayStatus;
import dev.citypark.occupancy.LotCount;
import dev.citypark.occupancy.OccupancyEvents;
import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.registry.Bay;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GateKind;
import dev.citypark.registry.Lot;
import dev.citypark.registry.OperatorKind;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.session.SessionTopics;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated city's state and its step function: given the wall-clock time, it advances the simulated clock,
 * moves demand in every simulated place and returns the records a real city's devices would send now. Pure apart
 * from its own seeded random numbers: no I/O, no clock of its own, so tests drive it step by step. Not thread-safe:
 * one step at a time (the lifecycle serialises them).
 * <p>
 * What reports what:
 * <ul>
 *   <li>every lot's counter reports an absolute {@code LotCount} every {@code lot-report-interval} (jittered); the
 *       counters of {@code drifting-operators} add a drift that random-walks away from the truth (and is reset now
 *       and then, as a recalibration would), so some of their counts exceed the capacity and are refused;</li>
 *   <li>the bays of every sensor-gateway segment and of {@code segment-share} of the other segments report
 *       {@code BayStatus} at each change and as a heartbeat; a few sensors are stuck (one state for ever), flapping
 *       (random states) or silent (nothing after their first report);</li>
 *   <li>in {@code gated-lots} lots every arriving and leaving car is a signed gate {@code ENTRY}/{@code EXIT} with its
 *       plate, so sessions open and close (some plates belong to simulated drivers).</li>
 * </ul>
 * Stays are simulated stays: an entry is reported with an {@code observedAt} as far in the past as the simulated
 * stay is longer than the wall-clock one, so a two-hour stay at 60× costs what two hours cost.
 */
final class Simulation {

    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final double MAX_STAY_MINUTES = 24 * 60;

    /** A record to send: topic, key (place id), the operator whose key signs it, the JSON value. */
    record Outgoing(String topic, String key, String operatorId, String json) {
    }

    /** What one step produced. */
    record Step(LocalDateTime simulatedTime, List<Outgoing> records, int bayReports, int lotReports, int gateEvents) {
    }

    /** A car that may belong to a simulated driver: its plate comes back again and again. */
    static final class Regular {
        final PlateGenerator.Vehicle vehicle;
        boolean inside;
        Instant lastExit = Instant.EPOCH;

        Regular(PlateGenerator.Vehicle vehicle) {
            this.vehicle = vehicle;
        }
    }

    private record Car(PlateGenerator.Vehicle vehicle, double exitAtMinute, Regular regular) {
    }

    private static final class SimLot {
        final Lot lot;
        final DemandProfile profile;
        final double factor;
        final boolean drifting;
        final int capacity;
        GateId entryGate;
        GateId exitGate;
        boolean gated;
        int occupied;
        int untracked;
        final PriorityQueue<Car> cars = new PriorityQueue<>(Comparator.comparingDouble(Car::exitAtMinute));
        long nextReportMillis;
        long sequence;
        int drift;

        SimLot(Lot lot, DemandProfile profile, double factor, boolean drifting) {
            this.lot = lot;
            this.profile = profile;
            this.factor = factor;
            this.drifting = drifting;
            this.capacity = lot.capacity().total();
        }
    }

    private static final class SimSegment {
        final Segment segment;
        final DemandProfile profile;
        final double factor;
        final int firstBay;

        SimSegment(Segment segment, DemandProfile profile, double factor, int firstBay) {
            this.segment = segment;
            this.profile = profile;
            this.factor = factor;
            this.firstBay = firstBay;
        }
    }

    static final byte HEALTHY = 0;
    static final byte STUCK = 1;
    static final byte FLAPPING = 2;
    static final byte SILENT = 3;

    private final SplittableRandom random;
    private final PlateGenerator plates = PlateGenerator.qingdao();
    private final JsonMapper json = JsonMapper.builder().build();
    private final int speed;
    private final Instant realStart;
    private final LocalDateTime simStart;
    private final long lotReportMillis;
    private final long heartbeatMillis;

    private final List<SimLot> lots = new ArrayList<>();
    private final List<SimLot> gatedLots = new ArrayList<>();
    private final List<SimSegment> segments = new ArrayList<>();
    private final int bayCount;
    private final Bay[] bays;
    private final SimSegment[] bayOwner;
    private final boolean[] occupied;
    private final byte[] fault;
    private final boolean[] stuckState;
    private final long[] nextBayReport;
    private final long[] baySequence;
    private final List<Regular> regulars = new ArrayList<>();
    private final Set<String> inside = new HashSet<>();
    private double lastSimMinute;

    Simulation(RegistrySnapshot city, SimulatorProperties settings, Instant realStart) {
        this.random = new SplittableRandom(settings.seed());
        this.speed = settings.speed();
        this.realStart = realStart;
        this.simStart = settings.start() != null ? settings.start()
                : LocalDateTime.ofInstant(realStart, CITY_ZONE);
        this.lotReportMillis = settings.lotReportInterval().toMillis();
        this.heartbeatMillis = settings.bayHeartbeat().toMillis();
        long warmUpMillis = Math.max(1, settings.warmUp().toMillis());
        long start = realStart.toEpochMilli();

        Set<String> drifting = Set.copyOf(settings.driftingOperators());
        Set<String> districts = Set.copyOf(settings.districts());
        List<Lot> allLots = city.listLots(null, l -> districts.isEmpty() || districts.contains(l.districtCode()),
                null, Integer.MAX_VALUE);
        for (Lot lot : allLots) {
            DemandProfile profile = DemandModel.lotProfile(lot.name(), lot.tariffId(), lot.parkAndRide());
            SimLot simLot = new SimLot(lot, profile, 0.8 + 0.3 * random.nextDouble(),
                    drifting.contains(lot.operator().value()));
            simLot.occupied = (int) Math.round(capacityShare(simLot, simStart) * simLot.capacity);
            simLot.nextReportMillis = start + random.nextLong(warmUpMillis);
            lots.add(simLot);
        }
        chooseGatedLots(settings.gatedLots());

        List<Segment> allSegments = city.listSegments(null,
                s -> districts.isEmpty() || districts.contains(s.districtCode()), null, Integer.MAX_VALUE);
        List<SimSegment> chosen = new ArrayList<>();
        int bayTotal = 0;
        for (Segment segment : allSegments) {
            boolean sensed = city.findOperator(segment.operator())
                    .map(o -> o.kind() == OperatorKind.SENSOR_GATEWAY).orElse(false);
            if (sensed || random.nextDouble() < settings.segmentShare()) {
                chosen.add(new SimSegment(segment,
                        DemandModel.streetProfile(segment.districtCode(), segment.id().value()),
                        0.85 + 0.25 * random.nextDouble(), bayTotal));
                bayTotal += segment.bays().size();
            }
        }
        segments.addAll(chosen);
        this.bayCount = bayTotal;
        this.bays = new Bay[bayTotal];
        this.bayOwner = new SimSegment[bayTotal];
        this.occupied = new boolean[bayTotal];
        this.fault = new byte[bayTotal];
        this.stuckState = new boolean[bayTotal];
        this.nextBayReport = new long[bayTotal];
        this.baySequence = new long[bayTotal];
        for (SimSegment s : segments) {
            double target = DemandModel.target(s.profile, s.segment.districtCode(), s.factor, simStart);
            List<Bay> segmentBays = s.segment.bays();
            for (int j = 0; j < segmentBays.size(); j++) {
                int i = s.firstBay + j;
                bays[i] = segmentBays.get(j);
                bayOwner[i] = s;
                occupied[i] = random.nextDouble() < target;
                nextBayReport[i] = start + random.nextLong(warmUpMillis);
                if (random.nextDouble() < settings.faultySensorShare()) {
                    fault[i] = (byte) (1 + random.nextInt(3));
                    stuckState[i] = random.nextBoolean();
                }
            }
        }
    }

    private void chooseGatedLots(int wanted) {
        List<SimLot> candidates = new ArrayList<>();
        for (SimLot lot : lots) {
            GateId in = gate(lot.lot, GateKind.ENTRY);
            GateId out = gate(lot.lot, GateKind.EXIT);
            if (in != null && out != null && lot.capacity >= 60 && lot.capacity <= 500 && !lot.drifting) {
                lot.entryGate = in;
                lot.exitGate = out;
                candidates.add(lot);
            }
        }
        for (int n = 0; n < wanted && !candidates.isEmpty(); n++) {
            SimLot lot = candidates.remove(random.nextInt(candidates.size()));
            lot.gated = true;
            lot.untracked = lot.occupied;
            gatedLots.add(lot);
        }
    }

    private static GateId gate(Lot lot, GateKind wanted) {
        for (Gate gate : lot.gates()) {
            if (gate.kind() == wanted) {
                return gate.id();
            }
        }
        for (Gate gate : lot.gates()) {
            if (gate.kind() == GateKind.BOTH) {
                return gate.id();
            }
        }
        return null;
    }

    /** Creates {@code n} regular vehicles (for simulated drivers to bind), deterministic for the seed. */
    List<Regular> createRegulars(int n) {
        for (int i = 0; i < n; i++) {
            regulars.add(new Regular(plates.next(random)));
        }
        return List.copyOf(regulars);
    }

    /** The simulated local time (Asia/Shanghai) at a wall-clock instant. */
    LocalDateTime simulatedTime(Instant realNow) {
        long realMillis = Duration.between(realStart, realNow).toMillis();
        return simStart.plusNanos(Math.max(0, realMillis) * speed * 1_000_000L);
    }

    int sessionsOpen() {
        int open = 0;
        for (SimLot lot : gatedLots) {
            open += lot.cars.size();
        }
        return open;
    }

    int lotCount() {
        return lots.size();
    }

    int gatedLotCount() {
        return gatedLots.size();
    }

    int reportingBays() {
        return bayCount;
    }

    int segmentCount() {
        return segments.size();
    }

    /** Ids of the gated lots (for tests and the log). */
    List<String> gatedLotIds() {
        return gatedLots.stream().map(l -> l.lot.id().value()).toList();
    }

    /** The operators whose keys sign what this simulation sends. */
    Set<String> operators() {
        Set<String> ids = new java.util.TreeSet<>();
        lots.forEach(l -> ids.add(l.lot.operator().value()));
        segments.forEach(s -> ids.add(s.segment.operator().value()));
        return ids;
    }

    /** Advances to {@code realNow} and returns what the city's devices send now. */
    Step step(Instant realNow) {
        LocalDateTime sim = simulatedTime(realNow);
        double minute = Duration.between(simStart, sim).toMillis() / 60_000.0;
        double dt = Math.max(0, minute - lastSimMinute);
        lastSimMinute = minute;
        long now = realNow.toEpochMilli();
        List<Outgoing> out = new ArrayList<>();
        int gateEvents = stepGatedLots(sim, minute, dt, realNow, out);
        int lotReports = stepLots(sim, dt, now, realNow, out);
        int bayReports = stepBays(sim, dt, now, realNow, out);
        return new Step(sim, out, bayReports, lotReports, gateEvents);
    }

    private double capacityShare(SimLot lot, LocalDateTime sim) {
        return DemandModel.target(lot.profile, lot.lot.districtCode(), lot.factor, sim);
    }

    private int stepLots(LocalDateTime sim, double dt, long now, Instant realNow, List<Outgoing> out) {
        int reports = 0;
        for (SimLot lot : lots) {
            if (!lot.gated && dt > 0) {
                double target = capacityShare(lot, sim) * lot.capacity;
                double move = (target - lot.occupied) * (1 - Math.exp(-dt / 30.0));
                lot.occupied = clamp(lot.occupied + stochasticRound(move), 0, lot.capacity);
            }
            if (now >= lot.nextReportMillis) {
                lot.nextReportMillis = now + (long) (lotReportMillis * (0.8 + 0.4 * random.nextDouble()));
                out.add(lotCount(lot, realNow));
                reports++;
            }
        }
        return reports;
    }

    private Outgoing lotCount(SimLot lot, Instant realNow) {
        int reported = lot.occupied;
        if (lot.drifting) {
            if (random.nextInt(60) == 0) {
                lot.drift = 0; // recalibrated
            }
            else {
                lot.drift += random.nextDouble() < 0.65 ? 1 : -1; // missed exits outnumber missed entries
            }
            reported = Math.max(0, reported + lot.drift);
        }
        Map<SpaceCategory, Integer> byCategory = split(lot, reported);
        LotCount count = new LotCount(lot.lot.operator(), lot.lot.id(), realNow, Map.of(), byCategory, false,
                lot.sequence++);
        return new Outgoing(OccupancyTopics.OCCUPANCY, lot.lot.id().value(), lot.lot.operator().value(),
                OccupancyEvents.write(count));
    }

    /** Spreads a total over the categories by capacity share; what does not fit anywhere lands on GENERAL. */
    private static Map<SpaceCategory, Integer> split(SimLot lot, int total) {
        Map<SpaceCategory, Integer> counts = new EnumMap<>(SpaceCategory.class);
        int assigned = 0;
        for (SpaceCategory category : SpaceCategory.values()) {
            int capacity = lot.lot.capacity().count(category);
            if (capacity > 0 && category != SpaceCategory.GENERAL) {
                int n = Math.min(capacity, (int) Math.floor((double) total * capacity / lot.capacity));
                counts.put(category, n);
                assigned += n;
            }
        }
        counts.put(SpaceCategory.GENERAL, Math.max(0, total - assigned));
        return counts;
    }

    private int stepGatedLots(LocalDateTime sim, double minute, double dt, Instant realNow, List<Outgoing> out) {
        int events = 0;
        for (SimLot lot : gatedLots) {
            while (!lot.cars.isEmpty() && lot.cars.peek().exitAtMinute() <= minute) {
                Car car = lot.cars.poll();
                out.add(gateEvent(lot, lot.exitGate, "EXIT", car.vehicle(), realNow));
                inside.remove(car.vehicle().plate().value());
                if (car.regular() != null) {
                    car.regular().inside = false;
                    car.regular().lastExit = realNow;
                }
                events++;
            }
            if (dt <= 0) {
                continue;
            }
            double mean = lot.profile.meanStayMinutes();
            lot.untracked -= binomial(lot.untracked, 1 - Math.exp(-dt / mean));
            double target = capacityShare(lot, sim) * lot.capacity;
            int present = lot.cars.size() + lot.untracked;
            double rate = target / mean + Math.max(0, target - present) / 30.0;
            int arrivals = Math.min(poisson(rate * dt), lot.capacity - present);
            for (int a = 0; a < arrivals; a++) {
                Regular regular = freeRegular();
                PlateGenerator.Vehicle vehicle = regular != null ? regular.vehicle : plates.next(random);
                String plate = vehicle.plate().value();
                if (inside.contains(plate)) {
                    continue;
                }
                double stay = Math.min(MAX_STAY_MINUTES, Math.max(5, -mean * Math.log(1 - random.nextDouble())));
                // report the entry as far back as the simulated stay is longer than the wall-clock one
                long backMillis = (long) (stay * 60_000 * (1 - 1.0 / speed));
                Instant observed = realNow.minusMillis(backMillis);
                // a regular comes back: its new entry must lie after its last exit (strangers' plates do not repeat)
                if (regular != null && !observed.isAfter(regular.lastExit)) {
                    observed = regular.lastExit.plusSeconds(1);
                }
                if (observed.isAfter(realNow)) {
                    observed = realNow;
                }
                inside.add(plate);
                if (regular != null) {
                    regular.inside = true;
                }
                lot.cars.add(new Car(vehicle, minute + stay, regular));
                out.add(gateEvent(lot, lot.entryGate, "ENTRY", vehicle, observed));
                events++;
            }
            lot.occupied = lot.cars.size() + lot.untracked;
        }
        return events;
    }

    private Regular freeRegular() {
        if (regulars.isEmpty() || random.nextDouble() > 0.25) {
            return null;
        }
        Regular candidate = regulars.get(random.nextInt(regulars.size()));
        return candidate.inside ? null : candidate;
    }

    private Outgoing gateEvent(SimLot lot, GateId gate, String direction, PlateGenerator.Vehicle vehicle,
            Instant observedAt) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", new UUID(random.nextLong(), random.nextLong()).toString());
        event.put("operatorId", lot.lot.operator().value());
        event.put("lotId", lot.lot.id().value());
        event.put("gateId", gate.value());
        event.put("direction", direction);
        event.put("plate", vehicle.plate().value());
        event.put("plateColour", vehicle.colour().name());
        event.put("observedAt", observedAt.toString());
        event.put("confidence", 0.9 + 0.1 * random.nextDouble());
        return new Outgoing(SessionTopics.GATE_EVENTS, lot.lot.id().value(), lot.lot.operator().value(),
                json.writeValueAsString(event));
    }

    private int stepBays(LocalDateTime sim, double dt, long now, Instant realNow, List<Outgoing> out) {
        int reports = 0;
        SimSegment current = null;
        double pArrive = 0;
        double pLeave = 0;
        for (int i = 0; i < bayCount; i++) {
            SimSegment s = bayOwner[i];
            if (s != current) {
                current = s;
                double f = DemandModel.target(s.profile, s.segment.districtCode(), s.factor, sim);
                double mu = 1.0 / s.profile.meanStayMinutes();
                double lambda = mu * f / Math.max(0.02, 1 - f);
                pLeave = 1 - Math.exp(-mu * dt);
                pArrive = 1 - Math.exp(-lambda * dt);
            }
            boolean changed = false;
            if (dt > 0 && random.nextDouble() < (occupied[i] ? pLeave : pArrive)) {
                occupied[i] = !occupied[i];
                changed = true;
            }
            boolean due = now >= nextBayReport[i];
            switch (fault[i]) {
                case STUCK -> {
                    if (due) {
                        out.add(bayStatus(i, stuckState[i], realNow));
                        reports++;
                    }
                }
                case FLAPPING -> {
                    if (due || random.nextDouble() < 0.05) {
                        out.add(bayStatus(i, random.nextBoolean(), realNow));
                        reports++;
                    }
                }
                case SILENT -> {
                    if (due && baySequence[i] == 0) {
                        out.add(bayStatus(i, occupied[i], realNow));
                        reports++;
                    }
                    if (due) {
                        nextBayReport[i] = Long.MAX_VALUE;
                    }
                }
                default -> {
                    if (changed || due) {
                        out.add(bayStatus(i, occupied[i], realNow));
                        reports++;
                    }
                }
            }
        }
        return reports;
    }

    private Outgoing bayStatus(int i, boolean state, Instant realNow) {
        SimSegment s = bayOwner[i];
        if (nextBayReport[i] != Long.MAX_VALUE) {
            nextBayReport[i] = realNow.toEpochMilli() + (long) (heartbeatMillis * (0.9 + 0.2 * random.nextDouble()));
        }
        BayId bay = bays[i].id();
        BayStatus status = new BayStatus(s.segment.operator(), bay, state, realNow,
                SensorId.of("MAG-" + bay.value()), ++baySequence[i], false);
        return new Outgoing(OccupancyTopics.OCCUPANCY, s.segment.id().value(), s.segment.operator().value(),
                OccupancyEvents.write(status));
    }

    /** Faulty sensors by kind, for the log: stuck, flapping, silent. */
    int[] faultCounts() {
        int[] counts = new int[4];
        for (int i = 0; i < bayCount; i++) {
            counts[fault[i]]++;
        }
        return counts;
    }

    private int stochasticRound(double value) {
        double floor = Math.floor(value);
        return (int) floor + (random.nextDouble() < value - floor ? 1 : 0);
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            product *= random.nextDouble();
            n++;
        }
        return n;
    }

    private int binomial(int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (n > 50) {
            double mean = n * p;
            return clamp((int) Math.round(mean + Math.sqrt(mean * (1 - p)) * gaussian()), 0, n);
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (random.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    private double gaussian() {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    static OperatorId operator(String id) {
        return OperatorId.of(id);
    }
}
