package dev.citypark.search.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import dev.citypark.availability.AvailabilityStatus;
import dev.citypark.availability.CategoryAvailability;
import dev.citypark.availability.CountSource;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.availability.PlaceRef;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.search.FreeSample;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCountsTest {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    static PlaceAvailability lot(String id, int free, Instant at) {
        return lot(id, free, at, AvailabilityStatus.OPEN);
    }

    static PlaceAvailability lot(String id, int free, Instant at, AvailabilityStatus status) {
        int capacity = 100;
        boolean unknown = status == AvailabilityStatus.UNKNOWN;
        CategoryAvailability general = unknown ? CategoryAvailability.unknown(capacity)
                : new CategoryAvailability(capacity, free, capacity - free, 0);
        return new PlaceAvailability(PlaceRef.lot(id), status, capacity, general.free(), general.occupied(),
                general.unknown(), Map.of(SpaceCategory.GENERAL, general), at,
                CountSource.LOT_COUNTS, Set.of());
    }

    @Test
    void keepsOneSamplePerSpacingAndTheNewestAlways() {
        RecentCounts memory = new RecentCounts(Duration.ofMinutes(30), Duration.ofSeconds(30), 10);
        for (int s = 0; s <= 70; s += 5) {
            memory.record(lot("L1", 100 - s, T0.plusSeconds(s)));
        }
        assertThat(memory.samples("L1", SpaceCategory.GENERAL, T0, T0.plusSeconds(3600)))
                .extracting(FreeSample::at)
                .containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(60), T0.plusSeconds(70));
        assertThat(memory.last("L1", SpaceCategory.GENERAL)).contains(new FreeSample(T0.plusSeconds(70), 30));
    }

    @Test
    void forgetsSamplesOlderThanTheWindow() {
        RecentCounts memory = new RecentCounts(Duration.ofMinutes(10), Duration.ofMinutes(1), 10);
        for (int m = 0; m <= 30; m++) {
            memory.record(lot("L1", m, T0.plusSeconds(60L * m)));
        }
        assertThat(memory.samples("L1", SpaceCategory.GENERAL, T0, T0.plusSeconds(3600)))
                .hasSizeLessThanOrEqualTo(12)
                .first().satisfies(first -> assertThat(first.at()).isAfterOrEqualTo(T0.plusSeconds(60L * 19)));
    }

    @Test
    void ignoresStaleStatesAndOlderObservations() {
        RecentCounts memory = new RecentCounts(Duration.ofMinutes(30), Duration.ofSeconds(30), 10);
        memory.record(lot("L1", 12, T0.plusSeconds(60)));
        memory.record(lot("L1", 50, T0));
        memory.record(lot("L1", 0, T0.plusSeconds(120), AvailabilityStatus.UNKNOWN));
        assertThat(memory.last("L1", SpaceCategory.GENERAL)).contains(new FreeSample(T0.plusSeconds(60), 12));
    }

    @Test
    void remembersAtMostMaxPlaces() {
        RecentCounts memory = new RecentCounts(Duration.ofMinutes(30), Duration.ofSeconds(30), 2);
        memory.record(lot("L1", 1, T0));
        memory.record(lot("L2", 1, T0));
        memory.record(lot("L3", 1, T0));
        memory.record(lot("L1", 2, T0.plusSeconds(1)));
        assertThat(memory.size()).isEqualTo(2);
        assertThat(memory.refused()).isEqualTo(1);
        assertThat(memory.last("L3", SpaceCategory.GENERAL)).isEmpty();
        assertThat(memory.last("L1", SpaceCategory.GENERAL)).contains(new FreeSample(T0.plusSeconds(1), 2));
    }

    @Test
    void aClosedPlaceHasNothingFree() {
        RecentCounts memory = new RecentCounts(Duration.ofMinutes(30), Duration.ofSeconds(30), 2);
        memory.record(lot("L1", 40, T0, AvailabilityStatus.CLOSED));
        assertThat(memory.last("L1", SpaceCategory.GENERAL)).contains(new FreeSample(T0, 0));
    }
}
