package dev.citypark.billing.tariff;

import dev.citypark.billing.Tariff;
import dev.citypark.billing.TariffFormatException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TariffFileReaderTest {

    private static final String CHARGE = "{\"type\":\"UnitRate\",\"unitMinutes\":60,\"unitPriceFen\":300}";

    private static String file(String rules) {
        return "{\"formatVersion\":1,\"note\":\"test\",\"tariffs\":[{\"id\":\"QD-TEST\",\"name\":\"测试\","
                + "\"description\":\"d\",\"versions\":[{\"effectiveFrom\":\"2024-01-01\",\"rules\":[" + rules + "]}]}]}";
    }

    private static List<Tariff> read(String json) {
        return TariffFileReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void readsEveryRuleTypeIntoRecords() {
        List<Tariff> tariffs = read(file("""
                {"type":"PostPaymentGrace","minutes":15},
                {"type":"FreeMinutes","minutes":30,"mode":"SHORT_STAY_ONLY"},
                {"type":"DayNightBands","dayStart":"07:00","dayEnd":"21:00",
                 "day":{"type":"TieredUnitRate","unitMinutes":15,
                        "tiers":[{"fromMinute":0,"unitPriceFen":150},{"fromMinute":120,"unitPriceFen":300}]},
                 "night":{"type":"FlatRate","amountFen":500}},
                {"type":"DailyCap","capFen":4000,"period":"CALENDAR_DAY"},
                {"type":"StayCap","capFen":20000},
                {"type":"LargeVehicleMultiplier","percent":200},
                {"type":"NewEnergyDiscount","percentOff":50},
                {"type":"NewEnergyFreePeriod","minutes":60},
                {"type":"MonthlyPassFree"}
                """));
        assertThat(tariffs).singleElement().satisfies(tariff -> {
            assertThat(tariff.id().value()).isEqualTo("QD-TEST");
            assertThat(tariff.name()).isEqualTo("测试");
            assertThat(tariff.listVersionDates()).containsExactly(LocalDate.of(2024, 1, 1));
        });
    }

    @Test
    void refusesAnUnknownRuleTypeNamingTheTariff() {
        assertThatThrownBy(() -> read(file(CHARGE + ",{\"type\":\"HappyHour\",\"minutes\":5}")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("test.json")
                .hasMessageContaining("tariff 'QD-TEST'")
                .hasMessageContaining("versions[0].rules[1]")
                .hasMessageContaining("HappyHour");
    }

    @Test
    void refusesABadValueNamingTheField() {
        assertThatThrownBy(() -> read(file(CHARGE + ",{\"type\":\"DailyCap\",\"capFen\":-5,\"period\":\"ROLLING_24H\"}")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("tariff 'QD-TEST'")
                .hasMessageContaining("versions[0].rules[1].capFen")
                .hasMessageContaining("must not be negative");
    }

    @Test
    void refusesAMissingField() {
        assertThatThrownBy(() -> read(file("{\"type\":\"UnitRate\",\"unitMinutes\":60}")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("tariff 'QD-TEST'")
                .hasMessageContaining("unitPriceFen");
    }

    @Test
    void refusesAnUnknownField() {
        assertThatThrownBy(() -> read(file("{\"type\":\"UnitRate\",\"unitMinutes\":60,\"unitPriceFen\":1,\"vat\":6}")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("vat");
    }

    @Test
    void refusesABadEnumValue() {
        assertThatThrownBy(() -> read(file(CHARGE + ",{\"type\":\"FreeMinutes\",\"minutes\":30,\"mode\":\"SOMETIMES\"}")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("versions[0].rules[1].mode")
                .hasMessageContaining("SOMETIMES");
    }

    @Test
    void refusesAVersionWithoutExactlyOneChargingRule() {
        assertThatThrownBy(() -> read(file("{\"type\":\"StayCap\",\"capFen\":100}")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("tariff 'QD-TEST'")
                .hasMessageContaining("versions[0].rules")
                .hasMessageContaining("exactly one charging rule");
        assertThatThrownBy(() -> read(file(CHARGE + "," + CHARGE)))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("found 2");
    }

    @Test
    void refusesABadTariffId() {
        assertThatThrownBy(() -> read(file(CHARGE).replace("QD-TEST", "QD TEST")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("tariffId");
    }

    @Test
    void refusesDuplicateIdsAndVersionDates() {
        String one = "{\"id\":\"QD-X\",\"name\":\"x\",\"description\":\"\",\"versions\":[{\"effectiveFrom\":\"2024-01-01\","
                + "\"rules\":[" + CHARGE + "]}]}";
        assertThatThrownBy(() -> read("{\"formatVersion\":1,\"note\":\"\",\"tariffs\":[" + one + "," + one + "]}"))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("tariff 'QD-X'")
                .hasMessageContaining("more than one tariff");
        String twice = "{\"id\":\"QD-Y\",\"name\":\"y\",\"description\":\"\",\"versions\":["
                + "{\"effectiveFrom\":\"2024-01-01\",\"rules\":[" + CHARGE + "]},"
                + "{\"effectiveFrom\":\"2024-01-01\",\"rules\":[" + CHARGE + "]}]}";
        assertThatThrownBy(() -> read("{\"formatVersion\":1,\"note\":\"\",\"tariffs\":[" + twice + "]}"))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("two versions effective from 2024-01-01");
    }

    @Test
    void refusesAnotherFormatVersionAndBrokenJson() {
        assertThatThrownBy(() -> read(file(CHARGE).replace("\"formatVersion\":1", "\"formatVersion\":2")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("formatVersion must be 1");
        assertThatThrownBy(() -> read("{\"formatVersion\":1,"))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesNullElements() {
        assertThatThrownBy(() -> read(file(CHARGE + ",null")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("versions[0].rules")
                .hasMessageContaining("rules[1] must not be null");
        assertThatThrownBy(() -> read(file(CHARGE).replace("\"versions\":[", "\"versions\":[null,")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("versions[0] must not be null");
    }

    @Test
    void refusesABadDate() {
        assertThatThrownBy(() -> read(file(CHARGE).replace("2024-01-01", "2024-13-01")))
                .isInstanceOf(TariffFormatException.class)
                .hasMessageContaining("tariff 'QD-TEST'")
                .hasMessageContaining("effectiveFrom");
    }
}
