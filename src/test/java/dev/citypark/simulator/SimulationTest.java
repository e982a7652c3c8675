package dev.citypark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.citypark.occupancy.OccupancyEvent;
import dev.citypark.occupancy.OccupancyEvents;
import dev.citypark.occupancy.OccupancyTopics;
import dev.citypark.occupancy.CommittedCity;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.session.SessionTopics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SimulationTest {

    private static final Instant T0 = Instant.parse("2025-03-03T00:00:00Z"); // 08:00 in Qingdao, a Monday
    private final JsonMapper json = JsonMapper.builder().build();

    private static SimulatorProperties settings(int speed, long seed) {
        return new SimulatorProperties(true, speed, seed, null, Duration.ofSeconds(1), Duration.ofSeconds(5), "", "",
                "", "", 0.1, 4, 4, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(10), 0.05,
                List.of("OP-GAR-07"), Duration.ofSeconds(15), Duration.ofSeconds(20), List.of());
    }

    private static List<Simulation.Step> run(Simulation sim, int seconds) {
        List<Simulation.Step> steps = new ArrayList<>();
        for (int s = 0; s <= seconds; s++) {
            steps.add(sim.step(T0.plusSeconds(s)));
        }
        return steps;
    }

    @Test
    void theSimulatedClockRunsAtTheSpeedFactorInQingdaoTime() {
        Simulation sim = new Simulation(CommittedCity.snapshot(), settings(60, 1), T0);
        assertThat(sim.simulatedTime(T0)).isEqualTo(LocalDateTime.of(2025, 3, 3, 8, 0));
        assertThat(sim.simulatedTime(T0.plusSeconds(90))).isEqualTo(LocalDateTime.of(2025, 3, 3, 9, 30));
    }

    @Test
    void everyPlaceReportsWithinTheWarmUpAndEveryRecordIsValidOnTheWire() {
        RegistrySnapshot city = CommittedCity.snapshot();
        Simulation sim = new Simulation(city, settings(60, 2), T0);
        List<Simulation.Step> steps = run(sim, 12);
        int lots = steps.stream().mapToInt(Simulation.Step::lotReports).sum();
        assertThat(lots).isEqualTo(city.lotCount());
        int bays = steps.stream().mapToInt(Simulation.Step::bayReports).sum();
        assertThat(bays).isGreaterThanOrEqualTo(sim.reportingBays() * 9 / 10);
        assertThat(sim.reportingBays()).isGreaterThan(3_896); // every sensor-gateway bay plus a share of the rest

        for (Simulation.Step step : steps) {
            for (Simulation.Outgoing out : step.records()) {
                assertThat(out.key()).isNotBlank();
                assertThat(sim.operators()).contains(out.operatorId());
                if (out.topic().equals(OccupancyTopics.OCCUPANCY)) {
                    OccupancyEvent event = OccupancyEvents.parse(out.json());
                    assertThat(event.operatorId().value()).isEqualTo(out.operatorId());
                    assertThat(event.observedAt()).isBetween(T0, T0.plusSeconds(12));
                }
                else {
                    assertThat(out.topic()).isEqualTo(SessionTopics.GATE_EVENTS);
                    JsonNode gate = json.readTree(out.json());
                    assertThat(gate.get("lotId").asString()).isEqualTo(out.key());
                    assertThat(Instant.parse(gate.get("observedAt").asString())).isBeforeOrEqualTo(T0.plusSeconds(12));
                }
            }
        }
    }

    @Test
    void gatedLotsOpenSessionsWithBackdatedEntriesAndCloseThemInOrder() {
        Simulation sim = new Simulation(CommittedCity.snapshot(), settings(60, 3), T0);
        assertThat(sim.gatedLotCount()).isEqualTo(4);
        List<Simulation.Step> steps = run(sim, 600); // ten simulated hours
        assertThat(sim.sessionsOpen()).isPositive();
        List<JsonNode> gates = new ArrayList<>();
        steps.forEach(s -> s.records().stream().filter(o -> o.topic().equals(SessionTopics.GATE_EVENTS))
                .forEach(o -> gates.add(json.readTree(o.json()))));
        long exits = gates.stream().filter(g -> g.get("direction").asString().equals("EXIT")).count();
        assertThat(exits).isPositive();
        // per plate: entry, exit, entry, … with time moving forward; an entry lies back by the simulated stay
        java.util.Map<String, Instant> lastSeen = new java.util.HashMap<>();
        java.util.Map<String, String> lastDirection = new java.util.HashMap<>();
        boolean backdated = false;
        for (JsonNode g : gates) {
            String plate = g.get("plate").asString();
            Instant at = Instant.parse(g.get("observedAt").asString());
            String direction = g.get("direction").asString();
            assertThat(direction).isNotEqualTo(lastDirection.get(plate));
            if (lastSeen.containsKey(plate)) {
                assertThat(at).isAfter(lastSeen.get(plate));
            }
            if (direction.equals("ENTRY") && at.isBefore(T0.minusSeconds(600))) {
                backdated = true;
            }
            lastSeen.put(plate, at);
            lastDirection.put(plate, direction);
        }
        assertThat(backdated).isTrue();
    }

    @Test
    void simulatesOnlyTheDistrictsAskedFor() {
        SimulatorProperties base = settings(60, 6);
        SimulatorProperties laixi = new SimulatorProperties(true, 60, 6, null, base.tick(), base.progressInterval(),
                "", "", "", "", 0.1, 2, 0, base.lotReportInterval(), base.bayHeartbeat(), base.warmUp(), 0.0,
                List.of(), base.sendTimeout(), base.paymentInterval(), List.of("370285"));
        Simulation sim = new Simulation(CommittedCity.snapshot(), laixi, T0);
        RegistrySnapshot city = CommittedCity.snapshot();
        for (Simulation.Step step : run(sim, 12)) {
            for (Simulation.Outgoing out : step.records()) {
                String district = out.key().startsWith("QD-L-")
                        ? city.findLot(dev.citypark.core.LotId.of(out.key())).orElseThrow().districtCode()
                        : city.findSegment(dev.citypark.core.SegmentId.of(out.key())).orElseThrow().districtCode();
                assertThat(district).isEqualTo("370285");
            }
        }
        assertThat(sim.lotCount()).isPositive().isLessThan(city.lotCount() / 5);
    }

    @Test
    void theSameSeedReplaysTheSameCity() {
        Simulation a = new Simulation(CommittedCity.snapshot(), settings(30, 4), T0);
        Simulation b = new Simulation(CommittedCity.snapshot(), settings(30, 4), T0);
        List<Simulation.Step> ra = run(a, 20);
        List<Simulation.Step> rb = run(b, 20);
        for (int i = 0; i < ra.size(); i++) {
            assertThat(ra.get(i).records()).isEqualTo(rb.get(i).records());
        }
    }

    @Test
    void faultySensorsAndDriftingCountersExist() {
        Simulation sim = new Simulation(CommittedCity.snapshot(), settings(60, 5), T0);
        int[] faults = sim.faultCounts();
        assertThat(faults[Simulation.STUCK]).isPositive();
        assertThat(faults[Simulation.FLAPPING]).isPositive();
        assertThat(faults[Simulation.SILENT]).isPositive();
        // a drifting operator's counts leave the truth: over an hour of reports some exceed what the lot holds
        List<Simulation.Step> steps = new ArrayList<>();
        for (int s = 0; s <= 3600; s += 30) {
            steps.add(sim.step(T0.plusSeconds(s)));
        }
        assertThat(steps.stream().flatMap(s -> s.records().stream())
                .filter(o -> o.operatorId().equals("OP-GAR-07")).count()).isPositive();
    }
}
