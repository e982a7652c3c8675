package dev.citypark.billing.tariff;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.LineKind;
import dev.citypark.core.Money;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * At most {@code capFen} per day. A unit counts in the day its start falls in; days are either
 * <ul>
 *   <li>{@code ROLLING_24H} (the default choice of citypark's tariffs): consecutive 24-hour periods from the entry,
 *       or</li>
 *   <li>{@code CALENDAR_DAY}: Asia/Shanghai calendar days, midnight to midnight.</li>
 * </ul>
 * Each capped day gets its own breakdown line. {@code {"type":"DailyCap","capFen":4000,"period":"ROLLING_24H"}}
 *
 * @param capFen the most a day costs (zero or more)
 * @param period how days are counted
 */
public record DailyCap(long capFen, Period period) implements TariffRule {

    private static final Duration DAY = Duration.ofHours(24);

    /** How days are counted. */
    public enum Period {
        /** 24-hour periods from the stay's entry. */
        ROLLING_24H,
        /** Asia/Shanghai calendar days. */
        CALENDAR_DAY
    }

    public DailyCap {
        Units.notNegative("capFen", capFen);
        Units.required("period", period);
    }

    @Override
    public Phase phase() {
        return Phase.ADJUST;
    }

    @Override
    public Ledger apply(Ledger ledger) {
        Instant entry = ledger.stay().entry();
        Instant exit = ledger.stay().exit();
        List<Charge> capped = Caps.copy(ledger.charges());
        List<BreakdownLine> lines = new ArrayList<>();
        int i = 0;
        while (i < capped.size()) {
            Instant dayStart = dayStart(entry, capped.get(i).from());
            Instant dayEnd = dayEnd(dayStart);
            int j = i;
            long before = 0;
            while (j < capped.size() && capped.get(j).from().isBefore(dayEnd)) {
                before += capped.get(j).netFen();
                j++;
            }
            if (before > capFen) {
                Caps.fill(capped, i, j, capFen);
                Instant from = dayStart.isBefore(entry) ? entry : dayStart;
                Instant to = dayEnd.isAfter(exit) ? exit : dayEnd;
                String days = period == Period.ROLLING_24H ? " per 24 h from entry" : " per calendar day";
                String daysZh = period == Period.ROLLING_24H ? "每24小时(自入场起)" : "每自然日";
                lines.add(new BreakdownLine(ruleName(), LineKind.CAP,
                        "Daily cap " + Units.yuan(capFen) + days + " (charges were " + Units.yuan(before) + ")",
                        daysZh + "最高收费" + Units.yuan(capFen) + "(原计" + Units.yuan(before) + ")",
                        Money.ofFen(capFen - before), from, to.isBefore(from) ? from : to));
            }
            i = j;
        }
        return ledger.adjusted(capped, lines);
    }

    private Instant dayStart(Instant entry, Instant at) {
        if (period == Period.ROLLING_24H) {
            long days = Duration.between(entry, at).toMillis() / DAY.toMillis();
            return entry.plus(DAY.multipliedBy(days));
        }
        return at.atZone(Units.ZONE).toLocalDate().atStartOfDay(Units.ZONE).toInstant();
    }

    private Instant dayEnd(Instant dayStart) {
        if (period == Period.ROLLING_24H) {
            return dayStart.plus(DAY);
        }
        LocalDate date = dayStart.atZone(Units.ZONE).toLocalDate();
        return date.plusDays(1).atStartOfDay(Units.ZONE).toInstant();
    }
}
