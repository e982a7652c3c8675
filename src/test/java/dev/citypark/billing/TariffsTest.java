package dev.citypark.billing;

import dev.citypark.core.Money;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TariffsTest {

    private static final Path FILE = Path.of("geo-data/tariffs.json");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private final Tariffs tariffs = Tariffs.load(FILE);

    @Test
    void loadsExactlyTheSevenQingdaoTariffs() {
        assertThat(tariffs.listTariffs()).extracting(tariff -> tariff.id().value()).containsExactly(
                "QD-AIRPORT", "QD-ONSTREET-A", "QD-ONSTREET-B", "QD-PR", "QD-T1-CORE", "QD-T2-URBAN", "QD-T3-OUTER");
        assertThat(tariffs.getTariff(TariffId.of("QD-T1-CORE")).name()).isEqualTo("市南/市北 路外 一类");
        assertThat(tariffs.getTariff(TariffId.of("QD-T1-CORE")).listVersionDates())
                .containsExactly(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 7, 1));
    }

    @Test
    void quotesEveryTariffWithBreakdownSummingToTotal() {
        StayRequest stay = StayRequest.of(at("2024-09-02T09:10"), at("2024-09-02T12:40"));
        for (Tariff tariff : tariffs.listTariffs()) {
            Quote quote = tariff.quote(stay);
            assertThat(quote.total().fen()).as(tariff.id().value()).isPositive();
            assertThat(quote.breakdown().stream().map(BreakdownLine::amount).reduce(Money.ZERO, Money::plus))
                    .isEqualTo(quote.total());
            assertThat(quote.tariffId()).isEqualTo(tariff.id());
        }
    }

    @Test
    void pricesAThreeAndAHalfHourDayStayPerTariff() {
        StayRequest stay = StayRequest.of(at("2024-09-02T09:10"), at("2024-09-02T12:40"));
        // T1 (2024-07 version): first hour ¥5 + 3 later started hours × ¥3
        assertThat(tariffs.quote(TariffId.of("QD-T1-CORE"), stay).total()).isEqualTo(Money.ofYuan(14));
        // T2: ¥4 + 3 × ¥2
        assertThat(tariffs.quote(TariffId.of("QD-T2-URBAN"), stay).total()).isEqualTo(Money.ofYuan(10));
        // T3: 4 started hours × ¥2
        assertThat(tariffs.quote(TariffId.of("QD-T3-OUTER"), stay).total()).isEqualTo(Money.ofYuan(8));
        // on-street A: 8 quarters × ¥1.50 + 6 quarters × ¥3
        assertThat(tariffs.quote(TariffId.of("QD-ONSTREET-A"), stay).total()).isEqualTo(Money.ofYuan(30));
        // on-street B: 4 half hours × ¥1 + 3 half hours × ¥2
        assertThat(tariffs.quote(TariffId.of("QD-ONSTREET-B"), stay).total()).isEqualTo(Money.ofYuan(10));
        // P+R: 30 min deducted, 3 h left: 3 × ¥1
        assertThat(tariffs.quote(TariffId.of("QD-PR"), stay).total()).isEqualTo(Money.ofYuan(3));
        // airport: 4 started hours × ¥10
        assertThat(tariffs.quote(TariffId.of("QD-AIRPORT"), stay).total()).isEqualTo(Money.ofYuan(40));
    }

    @Test
    void newEnergyPaysLessOnStreet() {
        StayRequest stay = StayRequest.of(at("2024-09-02T09:10"), at("2024-09-02T12:40")).withNewEnergy(true);
        assertThat(tariffs.quote(TariffId.of("QD-ONSTREET-A"), stay).total()).isEqualTo(Money.ofYuan(15));
        // B: first 2 hours free, then 3 half hours × ¥2
        assertThat(tariffs.quote(TariffId.of("QD-ONSTREET-B"), stay).total()).isEqualTo(Money.ofYuan(6));
    }

    @Test
    void unknownIdFailsWithUnknownTariffException() {
        assertThat(tariffs.findTariff(TariffId.of("QD-NOPE"))).isEmpty();
        assertThatThrownBy(() -> tariffs.getTariff(TariffId.of("QD-NOPE")))
                .isInstanceOf(UnknownTariffException.class)
                .hasMessageContaining("QD-NOPE")
                .extracting(e -> ((UnknownTariffException) e).tariffId())
                .isEqualTo(TariffId.of("QD-NOPE"));
    }
}
