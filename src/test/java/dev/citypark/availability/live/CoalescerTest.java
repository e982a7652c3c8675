package dev.citypark.availability.live;

import dev.citypark.availability.PlaceRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CoalescerTest {

    private static final PlaceRef A = PlaceRef.lot("QD-L-00001");
    private static final PlaceRef B = PlaceRef.segment("QD-S-00001");

    private final Coalescer coalescer = new Coalescer(1000);

    @Test
    void letsTheFirstChangeThroughAtOnce() {
        coalescer.offer(A, 10_000);

        assertThat(coalescer.drainDue(10_000)).containsExactly(A);
        assertThat(coalescer.drainDue(10_001)).isEmpty();
    }

    @Test
    void mergesChangesWithinTheIntervalIntoOneTrailingChange() {
        coalescer.offer(A, 10_000);
        coalescer.drainDue(10_000);
        coalescer.offer(A, 10_100);
        coalescer.offer(A, 10_200);
        coalescer.offer(A, 10_900);

        assertThat(coalescer.drainDue(10_999)).isEmpty();
        assertThat(coalescer.drainDue(11_000)).containsExactly(A);
        assertThat(coalescer.pendingCount()).isZero();
    }

    @Test
    void neverEmitsAPlaceTwiceWithinTheInterval() {
        long lastEmitted = Long.MIN_VALUE / 2;
        for (long now = 0; now < 10_000; now += 7) {
            coalescer.offer(A, now);
            if (coalescer.drainDue(now).contains(A)) {
                assertThat(now - lastEmitted).isGreaterThanOrEqualTo(1000);
                lastEmitted = now;
            }
        }
    }

    @Test
    void limitsEachPlaceOnItsOwn() {
        coalescer.offer(A, 0);
        coalescer.drainDue(0);
        coalescer.offer(A, 500);
        coalescer.offer(B, 500);

        assertThat(coalescer.drainDue(500)).containsExactly(B);
        assertThat(coalescer.drainDue(1000)).containsExactly(A);
    }

    @Test
    void forgetsQuietPlaces() {
        coalescer.offer(A, 0);
        coalescer.drainDue(0);

        coalescer.drainDue(5_000);
        coalescer.offer(A, 5_000);

        assertThat(coalescer.drainDue(5_000)).containsExactly(A);
    }
}
