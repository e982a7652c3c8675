package dev.citypark.simulator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Simulator settings, under {@code citypark.simulator.*}.
 *
 * @param enabled                whether the simulator runs (default false; true in the embedded profile)
 * @param speed                  simulated seconds per wall-clock second, 1..60
 * @param seed                   seed of every random choice (same seed, same city behaviour)
 * @param start                  the simulated clock's start (Asia/Shanghai local time); empty = now
 * @param tick                   wall-clock interval between simulation steps
 * @param progressInterval       wall-clock interval between progress lines in the log
 * @param baseUrl                citypark's HTTP base URL; empty = {@code http://127.0.0.1:<local server port>}
 * @param adminToken             the administrator token used to issue the simulated operators' API keys
 * @param driverSignInCode       the development SMS code of driver sign-in (empty: no simulated drivers)
 * @param plateVerificationCode  the code the plate-ownership check accepts (empty: no simulated drivers)
 * @param segmentShare           share of street segments whose bays report (0..1; sensor-gateway segments always do)
 * @param gatedLots              lots whose gates report every car's plate (sessions); the others report counts
 * @param drivers                simulated driver accounts (each binds one or two plates)
 * @param lotReportInterval      how often (wall clock) a lot counter reports its count
 * @param bayHeartbeat           how often (wall clock) a bay sensor repeats an unchanged state
 * @param warmUp                 the first reports of every place are spread over this wall-clock time
 * @param faultySensorShare      share of reporting bays whose sensor is stuck, flapping or silent
 * @param driftingOperators      garage operators whose lot counters drift away from the truth
 * @param sendTimeout            how long one step waits for the broker's acknowledgement
 * @param paymentInterval        how often (wall clock) drivers who pay later look at their unpaid bills
 * @param districts              district codes to simulate (empty = the whole city)
 */
@ConfigurationProperties("citypark.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("60") int speed,
        @DefaultValue("20251001") long seed,
        LocalDateTime start,
        @DefaultValue("1s") Duration tick,
        @DefaultValue("5s") Duration progressInterval,
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String adminToken,
        @DefaultValue("") String driverSignInCode,
        @DefaultValue("") String plateVerificationCode,
        @DefaultValue("0.1") double segmentShare,
        @DefaultValue("8") int gatedLots,
        @DefaultValue("12") int drivers,
        @DefaultValue("30s") Duration lotReportInterval,
        @DefaultValue("10m") Duration bayHeartbeat,
        @DefaultValue("30s") Duration warmUp,
        @DefaultValue("0.02") double faultySensorShare,
        @DefaultValue({"OP-GAR-07", "OP-GAR-12"}) List<String> driftingOperators,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("20s") Duration paymentInterval,
        List<String> districts) {

    public SimulatorProperties {
        if (speed < 1 || speed > 60) {
            throw new IllegalArgumentException("citypark.simulator.speed must be 1..60, was " + speed);
        }
        if (segmentShare < 0 || segmentShare > 1) {
            throw new IllegalArgumentException("citypark.simulator.segment-share must be 0..1, was " + segmentShare);
        }
        if (faultySensorShare < 0 || faultySensorShare > 1) {
            throw new IllegalArgumentException("citypark.simulator.faulty-sensor-share must be 0..1");
        }
        if (gatedLots < 0 || drivers < 0) {
            throw new IllegalArgumentException("citypark.simulator.gated-lots and drivers must not be negative");
        }
        for (Duration d : List.of(tick, progressInterval, lotReportInterval, bayHeartbeat, sendTimeout,
                paymentInterval)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("citypark.simulator intervals must be positive");
            }
        }
        driftingOperators = List.copyOf(driftingOperators);
        districts = districts == null ? List.of() : List.copyOf(districts);
    }
}
