package dev.citypark.billing;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random (seeded) stays without payments, under every tariff of {@code geo-data/tariffs.json}, the fee
 * never decreases as the stay gets longer and is never negative.
 */
class FeeMonotonicityTest {

    private static final Tariffs TARIFFS = Tariffs.load(Path.of("geo-data/tariffs.json"));
    private static final Instant FIRST_ENTRY = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void feeIsMonotoneNonDecreasingInStayLengthAndNeverNegative() {
        Random random = new Random(20240901L);
        int checked = 0;
        for (int sample = 0; sample < 60; sample++) {
            Instant entry = FIRST_ENTRY.plusSeconds(random.nextLong(2L * 365 * 24 * 3600));
            VehicleSize size = random.nextBoolean() ? VehicleSize.SMALL : VehicleSize.LARGE;
            boolean newEnergy = random.nextInt(3) == 0;
            boolean monthlyPass = random.nextInt(10) == 0;
            for (Tariff tariff : TARIFFS.listTariffs()) {
                long previous = -1;
                long seconds = 0;
                while (seconds < 5L * 24 * 3600) {
                    StayRequest stay = StayRequest.of(entry, entry.plusSeconds(seconds))
                            .withSize(size).withNewEnergy(newEnergy).withMonthlyPass(monthlyPass);
                    long fee = tariff.quote(stay).total().fen();
                    assertThat(fee).as("%s %s", tariff.id(), stay).isNotNegative()
                            .isGreaterThanOrEqualTo(previous);
                    previous = fee;
                    checked++;
                    seconds += 1 + random.nextInt(random.nextBoolean() ? 20 * 60 : 4 * 3600);
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }
}
