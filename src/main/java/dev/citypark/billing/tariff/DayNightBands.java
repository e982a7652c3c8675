package dev.citypark.billing.tariff;

import dev.citypark.core.InvalidValueException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Day and night priced differently, in Asia/Shanghai local time. The day band is {@code [dayStart, dayEnd)} of each
 * calendar day; the night band is the rest and crosses midnight. The chargeable window is cut at every band boundary
 * and each segment is priced by its band's scheme (units laid from the segment's start, so a partial unit at a band
 * boundary is charged in full in its band). Elapsed-time pricing such as "first hour" measures from the start of the
 * chargeable window, whatever the band.
 * <pre>{@code {"type":"DayNightBands","dayStart":"07:00","dayEnd":"21:00",
 *  "day":{"type":"FirstHourThenHourly","firstHourFen":500,"laterHourFen":300},
 *  "night":{"type":"FlatRate","amountFen":500}}}</pre>
 *
 * @param dayStart local time the day band starts
 * @param dayEnd   local time the day band ends, after {@code dayStart}
 * @param day      scheme for day segments
 * @param night    scheme for night segments
 */
public record DayNightBands(LocalTime dayStart, LocalTime dayEnd, ChargingScheme day, ChargingScheme night)
        implements TariffRule {

    public DayNightBands {
        Units.required("dayStart", dayStart);
        Units.required("dayEnd", dayEnd);
        Units.required("day", day);
        Units.required("night", night);
        if (!dayEnd.isAfter(dayStart)) {
            throw new InvalidValueException("dayEnd", "dayEnd " + dayEnd + " must be after dayStart " + dayStart
                    + " (the night band is the one that crosses midnight)");
        }
    }

    @Override
    public Phase phase() {
        return Phase.CHARGE;
    }

    @Override
    public Ledger apply(Ledger ledger) {
        return ledger.withCharges(charge(ledger.chargeFrom(), ledger.chargeTo()));
    }

    /** Prices {@code [from, to)} band segment by band segment; elapsed time measures from {@code from}. */
    List<Charge> charge(Instant from, Instant to) {
        String dayEn = "Day " + dayStart + "-" + dayEnd + ", ";
        String dayZh = "白天" + dayStart + "-" + dayEnd + " ";
        String nightEn = "Night " + dayEnd + "-" + dayStart + ", ";
        String nightZh = "夜间" + dayEnd + "-" + dayStart + " ";
        List<Charge> charges = new ArrayList<>();
        Instant t = from;
        while (t.isBefore(to)) {
            ZonedDateTime local = t.atZone(Units.ZONE);
            LocalDate date = local.toLocalDate();
            LocalTime time = local.toLocalTime();
            boolean isDay = !time.isBefore(dayStart) && time.isBefore(dayEnd);
            LocalDate boundaryDate = !isDay && !time.isBefore(dayEnd) ? date.plusDays(1) : date;
            LocalTime boundaryTime = isDay ? dayEnd : dayStart;
            Instant boundary = boundaryDate.atTime(boundaryTime).atZone(Units.ZONE).toInstant();
            if (!boundary.isAfter(t)) {
                throw new IllegalStateException("band boundary " + boundary + " does not advance past " + t);
            }
            Instant end = boundary.isBefore(to) ? boundary : to;
            for (Charge charge : (isDay ? day : night).charge(t, end, from)) {
                charges.add(isDay ? charge.labelled(ruleName(), dayEn, dayZh)
                        : charge.labelled(ruleName(), nightEn, nightZh));
            }
            t = end;
        }
        return charges;
    }
}
