package dev.citypark.simulator;

import java.time.DayOfWeek;
import java.time.LocalDateTime;

/**
 * How full a kind of place is over the day: the occupied share of its spaces at each full hour of a weekday and of a
 * weekend day (linear in between), and how long a car typically stays. Shapes follow the usual pattern of Chinese
 * cities: offices and park-and-ride fill for the 08:00–18:00 working day, malls and 台东-style shopping streets peak
 * in the evening and at weekends, homes fill at night, markets in the morning, the airport stays busy all day.
 */
enum DemandProfile {

    OFFICE(90,
            curve(.10, .08, .08, .08, .08, .10, .18, .38, .75, .92, .95, .95, .88, .92, .94, .93, .90, .75, .45, .28, .20, .15, .12, .10),
            curve(.10, .08, .08, .08, .08, .08, .10, .12, .18, .25, .30, .32, .32, .32, .30, .28, .25, .22, .20, .18, .15, .12, .10, .10)),
    MALL(110,
            curve(.05, .04, .03, .03, .03, .03, .04, .06, .10, .18, .35, .50, .62, .58, .52, .52, .58, .68, .82, .93, .90, .65, .32, .12),
            curve(.06, .04, .03, .03, .03, .03, .04, .06, .12, .30, .55, .75, .88, .92, .93, .92, .90, .92, .95, .95, .88, .60, .30, .12)),
    RESIDENTIAL(600,
            curve(.93, .94, .94, .94, .93, .90, .82, .65, .50, .45, .44, .45, .48, .46, .45, .46, .50, .60, .75, .85, .90, .92, .93, .93),
            curve(.93, .94, .94, .94, .94, .93, .90, .85, .75, .65, .60, .58, .60, .60, .58, .60, .65, .72, .82, .88, .91, .92, .93, .93)),
    HOSPITAL(120,
            curve(.25, .22, .20, .20, .20, .22, .35, .70, .95, .97, .97, .93, .82, .90, .93, .90, .80, .60, .45, .38, .33, .30, .28, .26),
            curve(.25, .22, .20, .20, .20, .22, .30, .50, .72, .80, .80, .75, .65, .68, .68, .62, .55, .45, .38, .33, .30, .28, .26, .25)),
    MARKET(45,
            curve(.08, .06, .05, .05, .10, .35, .75, .90, .88, .75, .60, .50, .40, .32, .30, .35, .52, .62, .50, .30, .18, .12, .10, .08),
            curve(.08, .06, .05, .05, .10, .30, .70, .92, .93, .85, .70, .58, .45, .38, .35, .40, .55, .60, .48, .30, .18, .12, .10, .08)),
    SCHOOL(240,
            curve(.05, .05, .05, .05, .05, .05, .15, .70, .85, .85, .85, .82, .78, .82, .85, .85, .80, .55, .25, .12, .08, .06, .05, .05),
            curve(.05, .05, .05, .05, .05, .05, .06, .08, .12, .15, .15, .15, .14, .14, .14, .12, .10, .08, .07, .06, .05, .05, .05, .05)),
    HOTEL(480,
            curve(.72, .72, .70, .70, .70, .68, .65, .60, .52, .48, .45, .48, .52, .50, .50, .52, .58, .65, .72, .78, .80, .78, .76, .74),
            curve(.80, .80, .80, .78, .78, .76, .72, .66, .60, .55, .52, .55, .60, .60, .60, .62, .68, .74, .80, .85, .86, .85, .83, .82)),
    LEISURE(120,
            curve(.05, .04, .03, .03, .03, .05, .12, .18, .22, .25, .28, .30, .30, .30, .32, .35, .42, .55, .68, .72, .62, .40, .18, .08),
            curve(.06, .04, .03, .03, .03, .08, .20, .40, .62, .80, .88, .90, .88, .88, .90, .88, .82, .75, .70, .62, .48, .30, .15, .08)),
    AIRPORT(1440,
            curve(.55, .52, .50, .50, .52, .58, .66, .72, .76, .78, .80, .80, .80, .80, .80, .80, .80, .80, .78, .76, .72, .68, .62, .58),
            curve(.60, .58, .56, .56, .58, .62, .70, .76, .80, .82, .84, .84, .84, .84, .84, .84, .84, .82, .80, .78, .75, .70, .66, .62)),
    PARK_AND_RIDE(540,
            curve(.10, .08, .08, .08, .08, .12, .30, .68, .90, .95, .96, .96, .95, .95, .95, .94, .90, .72, .45, .30, .22, .16, .12, .10),
            curve(.10, .08, .08, .08, .08, .10, .14, .20, .28, .35, .40, .42, .42, .42, .40, .38, .34, .30, .25, .20, .16, .14, .12, .10)),
    /** On-street bays in office districts (市南 downtown): a commuter plateau. */
    STREET_COMMUTER(75,
            curve(.30, .25, .22, .22, .22, .25, .35, .55, .82, .92, .94, .94, .90, .92, .94, .93, .90, .80, .62, .52, .45, .40, .35, .32),
            curve(.35, .30, .28, .28, .28, .30, .35, .42, .50, .58, .65, .70, .72, .72, .70, .68, .66, .64, .62, .58, .52, .45, .40, .36)),
    /** On-street bays of shopping and eating streets (台东, 市北): busy at lunch and in the evening. */
    STREET_EVENING(60,
            curve(.35, .28, .25, .25, .25, .28, .35, .48, .62, .70, .75, .82, .88, .82, .76, .76, .80, .88, .95, .96, .92, .78, .55, .42),
            curve(.38, .30, .26, .25, .25, .28, .32, .42, .55, .68, .80, .88, .92, .90, .88, .88, .90, .94, .97, .97, .93, .80, .58, .45)),
    /** Other on-street bays. */
    STREET(70,
            curve(.30, .26, .24, .24, .24, .26, .35, .50, .65, .70, .72, .72, .70, .70, .70, .70, .72, .72, .68, .60, .50, .42, .36, .32),
            curve(.30, .26, .24, .24, .24, .26, .30, .38, .48, .56, .62, .66, .66, .66, .64, .62, .62, .60, .56, .50, .44, .38, .34, .32)),
    /** Lots without a telling name. */
    GENERAL(150,
            curve(.25, .22, .20, .20, .20, .22, .30, .50, .70, .78, .80, .80, .78, .78, .78, .78, .76, .72, .65, .58, .48, .38, .30, .26),
            curve(.25, .22, .20, .20, .20, .22, .26, .34, .45, .56, .64, .68, .70, .70, .68, .66, .64, .62, .58, .52, .44, .36, .30, .26));

    private final int meanStayMinutes;
    private final double[] weekday;
    private final double[] weekend;

    DemandProfile(int meanStayMinutes, double[] weekday, double[] weekend) {
        this.meanStayMinutes = meanStayMinutes;
        this.weekday = weekday;
        this.weekend = weekend;
    }

    /** The occupied share of spaces at a local time, 0..1 (linear between full hours). */
    double occupancy(LocalDateTime local) {
        double[] curve = isWeekend(local.getDayOfWeek()) ? weekend : weekday;
        double hour = local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
        int h = (int) Math.floor(hour);
        double f = hour - h;
        double next;
        if (h == 23) {
            boolean tomorrowWeekend = isWeekend(local.getDayOfWeek().plus(1));
            next = (tomorrowWeekend ? weekend : weekday)[0];
        }
        else {
            next = curve[h + 1];
        }
        return curve[h] * (1 - f) + next * f;
    }

    /** Mean stay of a car, in simulated minutes. */
    int meanStayMinutes() {
        return meanStayMinutes;
    }

    private static boolean isWeekend(DayOfWeek day) {
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private static double[] curve(double... hourly) {
        if (hourly.length != 24) {
            throw new IllegalArgumentException("a demand curve has 24 hourly values, had " + hourly.length);
        }
        return hourly;
    }
}
