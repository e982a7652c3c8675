package dev.citypark.billing;

import dev.citypark.billing.tariff.TariffVersion;
import dev.citypark.billing.tariff.UnitRate;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TariffTest {

    private static TariffVersion version(String date) {
        return new TariffVersion(LocalDate.parse(date), List.of(new UnitRate(60, 300)));
    }

    @Test
    void keepsVersionsSortedByDate() {
        Tariff tariff = new Tariff(TariffId.of("QD-X"), "x", "", List.of(version("2025-01-01"), version("2024-01-01")));
        assertThat(tariff.listVersionDates()).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1));
    }

    @Test
    void rejectsNoVersionsDuplicateDatesAndABlankName() {
        assertThatThrownBy(() -> new Tariff(TariffId.of("QD-X"), "x", "", List.of()))
                .isInstanceOf(InvalidValueException.class).extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("versions");
        assertThatThrownBy(() -> new Tariff(TariffId.of("QD-X"), "x", "",
                List.of(version("2024-01-01"), version("2024-01-01"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("2024-01-01");
        assertThatThrownBy(() -> new Tariff(TariffId.of("QD-X"), " ", "", List.of(version("2024-01-01"))))
                .isInstanceOf(InvalidValueException.class).extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo("name");
    }

    @Test
    void rejectsBadTariffIds() {
        assertThatThrownBy(() -> TariffId.of("QD T1")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("tariffId");
        assertThat(TariffId.of("QD-T1-CORE")).hasToString("QD-T1-CORE");
    }
}
