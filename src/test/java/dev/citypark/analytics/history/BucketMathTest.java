package dev.citypark.analytics.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BucketMathTest {

    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration STALE = Duration.ofMinutes(30);

    private static PlaceState lot(Instant at, int capacity, int occupied, int unknown, boolean stale) {
        return new PlaceState("QD-L-00001", "LOT", "OP-GAR-01", "370202", at, stale,
                List.of(new PlaceState.CategoryState("GENERAL", capacity, occupied, unknown)));
    }

    private static BucketMath.Increment bucket(BucketMath math, Instant start) {
        return math.buckets().get(new BucketMath.Key("QD-L-00001", "GENERAL", start));
    }

    @Test
    void weighsAStateByTheTimeItHeldWithinEachBucket() {
        BucketMath math = new BucketMath();
        // 40 occupied from 00:02 to 00:08: 3 minutes in the first bucket, 3 in the second
        math.integrate(lot(T0.plusSeconds(120), 100, 40, 0, false), T0.plusSeconds(120), T0.plusSeconds(480), STALE);

        BucketMath.Increment first = bucket(math, T0);
        BucketMath.Increment second = bucket(math, T0.plusSeconds(300));
        assertThat(first.knownSs).isCloseTo(100 * 180.0, within(1e-9));
        assertThat(first.occupiedSs).isCloseTo(40 * 180.0, within(1e-9));
        assertThat(first.unknownSs).isZero();
        assertThat(first.maxOccupied).isEqualTo(40);
        assertThat(second.occupiedSs).isCloseTo(40 * 180.0, within(1e-9));
        assertThat(math.buckets()).hasSize(2);
    }

    @Test
    void countsTimeAfterTheStaleTimeAsUnknownForEverySpace() {
        BucketMath math = new BucketMath();
        // observed at 00:00, next state at 00:40: fresh until 00:30, stale for the last 10 minutes
        math.integrate(lot(T0, 100, 60, 10, false), T0, T0.plus(Duration.ofMinutes(40)), STALE);

        double known = 0;
        double occupied = 0;
        double unknown = 0;
        for (BucketMath.Increment inc : math.buckets().values()) {
            known += inc.knownSs;
            occupied += inc.occupiedSs;
            unknown += inc.unknownSs;
        }
        assertThat(known).isCloseTo(90 * 1800.0, within(1e-6));
        assertThat(occupied).isCloseTo(60 * 1800.0, within(1e-6));
        assertThat(unknown).isCloseTo(10 * 1800.0 + 100 * 600.0, within(1e-6));
        assertThat(bucket(math, T0.plus(Duration.ofMinutes(35))).knownSs).isZero();
        assertThat(bucket(math, T0.plus(Duration.ofMinutes(35))).maxOccupied).isZero();
    }

    @Test
    void aStateThatArrivedStaleIsUnknownThroughout() {
        BucketMath math = new BucketMath();
        math.integrate(lot(T0, 100, 60, 0, true), T0, T0.plusSeconds(300), STALE);

        assertThat(bucket(math, T0).knownSs).isZero();
        assertThat(bucket(math, T0).unknownSs).isCloseTo(100 * 300.0, within(1e-9));
    }

    @Test
    void samplesCountInTheBucketOfTheirObservation() {
        BucketMath math = new BucketMath();
        math.sample(lot(T0.plusSeconds(299), 100, 70, 0, false));
        math.sample(lot(T0.plusSeconds(300), 100, 20, 0, false));

        assertThat(bucket(math, T0).samples).isEqualTo(1);
        assertThat(bucket(math, T0).maxOccupied).isEqualTo(70);
        assertThat(bucket(math, T0.plusSeconds(300)).samples).isEqualTo(1);
    }

    @Test
    void rollsUpByLocalDayAndMonth() {
        BucketMath math = new BucketMath();
        // 15:55Z to 16:05Z is 23:55 to 00:05 in Shanghai: two local days, one month
        Instant from = Instant.parse("2026-03-01T15:55:00Z");
        math.integrate(lot(from, 10, 5, 0, false), from, from.plusSeconds(600), STALE);

        assertThat(math.days()).containsOnlyKeys(
                new BucketMath.PeriodKey("QD-L-00001", "GENERAL", LocalDate.parse("2026-03-01")),
                new BucketMath.PeriodKey("QD-L-00001", "GENERAL", LocalDate.parse("2026-03-02")));
        assertThat(math.months()).containsOnlyKeys(
                new BucketMath.PeriodKey("QD-L-00001", "GENERAL", LocalDate.parse("2026-03-01")));
        assertThat(math.months().values().iterator().next().occupiedSs).isCloseTo(5 * 600.0, within(1e-9));
    }

    @Test
    void bucketsStartOnFiveMinuteBoundaries() {
        assertThat(BucketMath.bucketOf(Instant.parse("2026-03-02T10:07:59.999Z")))
                .isEqualTo(Instant.parse("2026-03-02T10:05:00Z"));
    }
}
