package dev.citypark.analytics.query;

import java.time.Duration;
import java.time.Instant;

import dev.citypark.analytics.query.QueryRange.GroupBy;
import dev.citypark.analytics.query.QueryRange.Interval;
import dev.citypark.core.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryRangeTest {

    private static final Instant T = Instant.parse("2026-03-01T16:00:00Z");
    private static final Duration MAX = Duration.ofDays(400);

    @Test
    void acceptsAMonthByDay() {
        QueryRange range = QueryRange.of(T, T.plus(Duration.ofDays(30)), Interval.DAY, MAX, 2000);
        assertThat(range.days()).isEqualTo(30.0);
    }

    @Test
    void refusesAnEmptyOrReversedRange() {
        assertThatThrownBy(() -> QueryRange.of(T, T, Interval.HOUR, MAX, 2000))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("from"));
    }

    @Test
    void refusesMoreThan400Days() {
        assertThatThrownBy(() -> QueryRange.of(T, T.plus(Duration.ofDays(401)), Interval.DAY, MAX, 2000))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void capsThePointsPerSeries() {
        QueryRange.of(T, T.plus(Duration.ofDays(83)), Interval.HOUR, MAX, 2000);
        assertThatThrownBy(() -> QueryRange.of(T, T.plus(Duration.ofDays(84)), Interval.HOUR, MAX, 2000))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("interval"));
    }

    @Test
    void parsesOnlyKnownNames() {
        assertThat(Interval.parse("5m")).isEqualTo(Interval.FIVE_MINUTES);
        assertThat(GroupBy.parse("district", GroupBy.values())).isEqualTo(GroupBy.DISTRICT);
        assertThatThrownBy(() -> Interval.parse("1w")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> GroupBy.parse("category", GroupBy.LOT, GroupBy.DISTRICT))
                .hasMessageContaining("lot, district");
    }

    @Test
    void alignsDaysInShanghai() {
        assertThat(AnalyticsQueries.firstDayStartingAtOrAfter(T)).hasToString("2026-03-02");
        assertThat(AnalyticsQueries.firstDayStartingAtOrAfter(T.plusSeconds(1))).hasToString("2026-03-03");
        assertThat(AnalyticsQueries.alignUp(Instant.parse("2026-03-01T10:00:01Z"), Interval.HOUR))
                .isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
    }
}
