package dev.citypark.billing.tariff;

import dev.citypark.billing.StayRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Shared helpers of the rule tests: local Asia/Shanghai times and one-version folds. */
final class Fixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Fixtures() {
    }

    /** {@code at("2024-03-01T10:00")} in Asia/Shanghai. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static StayRequest stay(String entry, String exit) {
        return StayRequest.of(at(entry), at(exit));
    }

    static Ledger fold(StayRequest stay, TariffRule... rules) {
        return new TariffVersion(LocalDate.of(2020, 1, 1), List.of(rules)).fold(stay);
    }

    static long fee(StayRequest stay, TariffRule... rules) {
        return fold(stay, rules).netTotalFen();
    }

    /** Sum of a ledger's lines, which must equal its net total. */
    static long linesSum(Ledger ledger) {
        return ledger.lines().stream().mapToLong(line -> line.amount().fen()).sum();
    }
}
