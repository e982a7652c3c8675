package dev.citypark.opendata;

import java.time.DayOfWeek;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpeningHoursTest {

    @Test
    void twentyFourSevenIsAlwaysOpen() {
        OpeningHours hours = OpeningHours.parse("24/7");

        assertThat(hours.always()).isTrue();
        assertThat(hours.schemaOrg()).isEqualTo("Mo-Su");
    }

    @Test
    void weekdayAndWeekendRulesBecomeWeeklyRules() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 07:00-22:00; Sa,Su 08:00-20:00");

        assertThat(hours.always()).isFalse();
        assertThat(hours.weekly()).hasSize(2);
        assertThat(hours.weekly().get(0).days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(hours.weekly().get(0).spans()).containsExactly(new OpeningHours.Span(7 * 60, 22 * 60));
        assertThat(hours.weekly().get(1).days()).containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(hours.schemaOrg()).isEqualTo("Mo-Fr 07:00-22:00, Sa-Su 08:00-20:00");
    }

    @Test
    void everyDayRuleWithoutDaysCoversTheWeek() {
        OpeningHours hours = OpeningHours.parse("06:00-23:30");

        assertThat(hours.weekly()).singleElement().satisfies(rule -> {
            assertThat(rule.days()).hasSize(7);
            assertThat(rule.spans().get(0).end()).hasToString("23:30");
        });
        assertThat(hours.schemaOrg()).isEqualTo("Mo-Su 06:00-23:30");
    }

    @Test
    void spanPastMidnightWrapsItsEnd() {
        OpeningHours hours = OpeningHours.parse("Fr,Sa 18:00-26:00");

        OpeningHours.Span span = hours.weekly().get(0).spans().get(0);
        assertThat(span.start()).hasToString("18:00");
        assertThat(span.end()).hasToString("02:00");
        assertThat(hours.schemaOrg()).isEqualTo("Fr-Sa 18:00-02:00");
    }

    @Test
    void holidaysAndModifiersAreNotRepresentableAndKeepTheirText() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00; PH off");

        assertThat(hours.representable()).isFalse();
        assertThat(hours.schemaOrg()).isEqualTo("Mo-Fr 08:00-18:00; PH off");
    }
}
