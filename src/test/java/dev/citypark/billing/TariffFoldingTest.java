package dev.citypark.billing;

import dev.citypark.core.InvalidValueException;
import dev.citypark.core.Money;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Whole-tariff folds over the tariffs of {@code geo-data/tariffs.json}. */
class TariffFoldingTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Tariffs TARIFFS = Tariffs.load(Path.of("geo-data/tariffs.json"));

    private final Tariff core = TARIFFS.getTariff(TariffId.of("QD-T1-CORE"));
    private final Tariff onStreetA = TARIFFS.getTariff(TariffId.of("QD-ONSTREET-A"));

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    private static StayRequest stay(String entry, String exit) {
        return StayRequest.of(at(entry), at(exit));
    }

    private static long sumOfLines(Quote quote) {
        return quote.breakdown().stream().mapToLong(line -> line.amount().fen()).sum();
    }

    @Test
    void pricesACrossMidnightStayByDayAndNightBands() {
        Quote quote = core.quote(stay("2024-09-02T20:00", "2024-09-03T08:30"));
        assertThat(quote.total()).isEqualTo(Money.ofYuan(21));
        assertThat(quote.breakdown()).extracting(BreakdownLine::descriptionEn, line -> line.amount().fen())
                .containsExactly(
                        tuple("Day 07:00-21:00, first hour: ¥5.00 × 1", 500L),
                        tuple("Night 21:00-07:00, ¥1.00 per 60 min × 10", 1000L),
                        tuple("Day 07:00-21:00, later hours: ¥3.00 per hour × 2", 600L));
        assertThat(quote.breakdown().get(1).descriptionZh()).isEqualTo("夜间21:00-07:00 每60分钟¥1.00 × 10");
    }

    @Test
    void capsEveryDayOfAMultiDayStay() {
        Quote quote = core.quote(stay("2024-09-02T08:00", "2024-09-05T10:00"));
        // three capped 24 h periods at ¥40, then 2 later hours at ¥3
        assertThat(quote.total()).isEqualTo(Money.ofYuan(126));
        assertThat(quote.breakdown()).filteredOn(line -> line.kind() == LineKind.CAP)
                .extracting(BreakdownLine::from, BreakdownLine::to, line -> line.amount().fen())
                .containsExactly(
                        tuple(at("2024-09-02T08:00"), at("2024-09-03T08:00"), -1400L),
                        tuple(at("2024-09-03T08:00"), at("2024-09-04T08:00"), -1200L),
                        tuple(at("2024-09-04T08:00"), at("2024-09-05T08:00"), -1200L));
        assertThat(sumOfLines(quote)).isEqualTo(12600);
    }

    @Test
    void capsAWholeOnStreetStay() {
        Quote quote = onStreetA.quote(stay("2024-09-02T09:00", "2024-09-03T19:00"));
        assertThat(quote.total()).isEqualTo(Money.ofYuan(120));
        assertThat(quote.breakdown()).filteredOn(line -> line.rule().equals("StayCap"))
                .singleElement().extracting(line -> line.amount().fen()).isEqualTo(-16600L);
    }

    @Test
    void doublesLargeVehiclesIncludingTheCap() {
        assertThat(core.quote(stay("2024-09-02T09:10", "2024-09-02T12:40").withSize(VehicleSize.LARGE)).total())
                .isEqualTo(Money.ofYuan(28));
        assertThat(core.quote(stay("2024-09-02T08:00", "2024-09-03T08:00").withSize(VehicleSize.LARGE)).total())
                .isEqualTo(Money.ofYuan(80));
        assertThat(onStreetA.quote(stay("2024-09-02T09:00", "2024-09-03T19:00").withSize(VehicleSize.LARGE))
                .total()).isEqualTo(Money.ofYuan(240));
    }

    @Test
    void discountsNewEnergyAfterCapAndMultiplier() {
        StayRequest stay = stay("2024-09-02T09:00", "2024-09-03T19:00").withNewEnergy(true);
        assertThat(onStreetA.quote(stay).total()).isEqualTo(Money.ofYuan(60));
        assertThat(onStreetA.quote(stay.withSize(VehicleSize.LARGE)).total()).isEqualTo(Money.ofYuan(120));
    }

    @Test
    void letsMonthlyPassHoldersParkFree() {
        Quote quote = core.quote(stay("2024-09-02T09:10", "2024-09-04T12:40").withMonthlyPass(true));
        assertThat(quote.total()).isEqualTo(Money.ZERO);
        assertThat(quote.breakdown()).last().satisfies(line -> {
            assertThat(line.rule()).isEqualTo("MonthlyPassFree");
            assertThat(line.kind()).isEqualTo(LineKind.DISCOUNT);
        });
        assertThat(quote.stayFee()).isEqualTo(Money.ZERO);
    }

    @Test
    void chargesNothingMoreWhenLeavingWithinFifteenMinutesOfPaying() {
        StayRequest atPayment = stay("2024-09-02T09:00", "2024-09-02T11:00");
        Money paid = core.quote(atPayment).total();
        assertThat(paid).isEqualTo(Money.ofYuan(8));

        Quote atGate = core.quote(atPayment.withExit(at("2024-09-02T11:10")).withPayment(at("2024-09-02T11:00"), paid));
        assertThat(atGate.total()).isEqualTo(Money.ZERO);
        assertThat(atGate.stayFee()).isEqualTo(Money.ofYuan(8));
        assertThat(atGate.breakdown()).extracting(BreakdownLine::rule).containsExactly(
                "PostPaymentGrace", "DayNightBands", "DayNightBands", "AlreadyPaid");
        assertThat(atGate.breakdown()).last().extracting(line -> line.amount().fen()).isEqualTo(-800L);

        Quote atGraceEnd = core.quote(atPayment.withExit(at("2024-09-02T11:15"))
                .withPayment(at("2024-09-02T11:00"), paid));
        assertThat(atGraceEnd.total()).isEqualTo(Money.ZERO);
    }

    @Test
    void accruesFromThePaymentWhenLeavingLater() {
        StayRequest late = stay("2024-09-02T09:00", "2024-09-02T11:20")
                .withPayment(at("2024-09-02T11:00"), Money.ofYuan(8));
        Quote quote = core.quote(late);
        assertThat(quote.stayFee()).isEqualTo(Money.ofYuan(11));
        assertThat(quote.total()).isEqualTo(Money.ofYuan(3));
    }

    @Test
    void keepsAShortStayFreeWhenPaidWithinTheFreeTimeAndLeftWithinTheGrace() {
        StayRequest stay = stay("2024-09-02T09:00", "2024-09-02T09:38")
                .withPayment(at("2024-09-02T09:25"), Money.ZERO);
        assertThat(core.quote(stay).total()).isEqualTo(Money.ZERO);
        assertThat(core.quote(stay.withExit(at("2024-09-02T09:41"))).total()).isEqualTo(Money.ofYuan(5));
    }

    @Test
    void creditsAnOverpaymentOnlyUpToTheFee() {
        Quote quote = core.quote(stay("2024-09-02T09:00", "2024-09-02T10:00")
                .withPayment(at("2024-09-02T09:30"), Money.ofYuan(9)));
        assertThat(quote.total()).isEqualTo(Money.ZERO);
        assertThat(quote.breakdown()).last().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LineKind.PAYMENT);
            assertThat(line.amount()).isEqualTo(Money.ofYuan(-5));
        });
    }

    @Test
    void selectsTheVersionInForceAtEntry() {
        Quote before = core.quote(stay("2024-06-30T10:00", "2024-06-30T12:00"));
        assertThat(before.tariffVersion()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(before.total()).isEqualTo(Money.ofYuan(6));

        Quote after = core.quote(stay("2024-07-01T10:00", "2024-07-01T12:00"));
        assertThat(after.tariffVersion()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(after.total()).isEqualTo(Money.ofYuan(8));

        // a stay spanning the change keeps its entry's version: ¥4 + 10 night hours + 3 × ¥2
        Quote spanning = core.quote(stay("2024-06-30T20:00", "2024-07-01T10:00"));
        assertThat(spanning.tariffVersion()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(spanning.total()).isEqualTo(Money.ofYuan(20));
    }

    @Test
    void switchesVersionsAtShanghaiMidnight() {
        assertThat(core.findVersionInForceAt(Instant.parse("2024-06-30T15:59:59Z"))).contains(LocalDate.of(2023, 1, 1));
        assertThat(core.findVersionInForceAt(Instant.parse("2024-06-30T16:00:00Z"))).contains(LocalDate.of(2024, 7, 1));
    }

    @Test
    void refusesAStayBeforeTheFirstVersion() {
        assertThat(core.findVersionInForceAt(at("2022-12-31T23:00"))).isEmpty();
        assertThatThrownBy(() -> core.quote(stay("2022-12-31T23:00", "2023-01-01T01:00")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("QD-T1-CORE")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("entry");
    }

    @Test
    void sumsBreakdownLinesExactlyToTheTotalInAComplexCase() {
        StayRequest stay = stay("2024-09-02T20:17", "2024-09-06T07:43").withSize(VehicleSize.LARGE)
                .withNewEnergy(true).withPayment(at("2024-09-05T22:00"), Money.ofYuan(100));
        for (Tariff tariff : TARIFFS.listTariffs()) {
            Quote quote = tariff.quote(stay);
            assertThat(sumOfLines(quote)).as(tariff.id().value()).isEqualTo(quote.total().fen());
            assertThat(quote.total().isNegative()).isFalse();
        }
    }

    @Test
    void usesAFixedUtcPlusEightWithoutDaylightSaving() {
        assertThat(Tariff.ZONE.getRules().nextTransition(Instant.parse("1992-01-01T00:00:00Z"))).isNull();
        // every day of 2024 (a leap year, with DST changes elsewhere) has 24 hours and its night starts at 13:00Z
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            Instant entry = day.atTime(10, 0).atZone(SHANGHAI).toInstant();
            Quote quote = core.quote(StayRequest.of(entry, entry.plus(Duration.ofHours(24))));
            BreakdownLine night = quote.breakdown().stream()
                    .filter(line -> line.descriptionEn().startsWith("Night")).findFirst().orElseThrow();
            assertThat(night.from()).isEqualTo(day.atTime(13, 0).toInstant(java.time.ZoneOffset.UTC));
            assertThat(night.descriptionEn()).endsWith("× 10");
            assertThat(quote.total()).isEqualTo(day.isBefore(LocalDate.of(2024, 7, 1))
                    ? Money.ofYuan(35) : Money.ofYuan(40));
        }
    }
}
