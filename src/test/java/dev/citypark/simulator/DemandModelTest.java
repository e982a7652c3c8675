package dev.citypark.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class DemandModelTest {

    private static final LocalDateTime MONDAY = LocalDateTime.of(2025, 3, 3, 0, 0);
    private static final LocalDateTime SATURDAY = LocalDateTime.of(2025, 3, 8, 0, 0);

    @Test
    void officesFillForTheWorkingDayAndEmptyAtNight() {
        double morning = DemandProfile.OFFICE.occupancy(MONDAY.withHour(10));
        double night = DemandProfile.OFFICE.occupancy(MONDAY.withHour(3));
        assertThat(morning).isGreaterThan(0.9);
        assertThat(night).isLessThan(0.15);
        assertThat(DemandProfile.OFFICE.occupancy(SATURDAY.withHour(10))).isLessThan(0.4);
    }

    @Test
    void mallsPeakInTheEveningAndAtWeekends() {
        double noon = DemandProfile.MALL.occupancy(MONDAY.withHour(12));
        double evening = DemandProfile.MALL.occupancy(MONDAY.withHour(19));
        assertThat(evening).isGreaterThan(noon).isGreaterThan(0.9);
        assertThat(DemandProfile.MALL.occupancy(SATURDAY.withHour(14)))
                .isGreaterThan(DemandProfile.MALL.occupancy(MONDAY.withHour(14)));
    }

    @Test
    void homesAreFullAtNightAndParkAndRideOnWorkingDays() {
        assertThat(DemandProfile.RESIDENTIAL.occupancy(MONDAY.withHour(2)))
                .isGreaterThan(DemandProfile.RESIDENTIAL.occupancy(MONDAY.withHour(11)));
        assertThat(DemandProfile.PARK_AND_RIDE.occupancy(MONDAY.withHour(11))).isGreaterThan(0.9);
        assertThat(DemandProfile.PARK_AND_RIDE.occupancy(SATURDAY.withHour(11))).isLessThan(0.5);
    }

    @Test
    void interpolatesBetweenHoursAndAcrossMidnightIntoTheWeekend() {
        double at8 = DemandProfile.OFFICE.occupancy(MONDAY.withHour(8));
        double at9 = DemandProfile.OFFICE.occupancy(MONDAY.withHour(9));
        double half = DemandProfile.OFFICE.occupancy(MONDAY.withHour(8).withMinute(30));
        assertThat(half).isCloseTo((at8 + at9) / 2, org.assertj.core.data.Offset.offset(1e-9));
        // Friday 23:59 leads into Saturday's 00:00 value
        double fridayLate = DemandProfile.SCHOOL.occupancy(LocalDateTime.of(2025, 3, 7, 23, 59, 59));
        assertThat(fridayLate).isCloseTo(DemandProfile.SCHOOL.occupancy(SATURDAY), org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void everyProfileStaysWithinZeroAndOneAllWeek() {
        for (DemandProfile profile : DemandProfile.values()) {
            for (int h = 0; h < 24 * 7; h++) {
                double v = profile.occupancy(MONDAY.plusHours(h).plusMinutes(17));
                assertThat(v).as(profile + " at hour " + h).isBetween(0.0, 1.0);
            }
            assertThat(profile.meanStayMinutes()).isPositive();
        }
    }

    @Test
    void classesLotsByWhatTheirNameSays() {
        assertThat(DemandModel.lotProfile("香港中路写字楼地下停车库", "QD-T1-CORE", false)).isEqualTo(DemandProfile.OFFICE);
        assertThat(DemandModel.lotProfile("台东商业中心停车场", "QD-T1-CORE", false)).isEqualTo(DemandProfile.MALL);
        assertThat(DemandModel.lotProfile("李村P+R停车场", "QD-PR", true)).isEqualTo(DemandProfile.PARK_AND_RIDE);
        assertThat(DemandModel.lotProfile("胶东国际机场P1停车楼", "QD-AIRPORT", true)).isEqualTo(DemandProfile.AIRPORT);
        assertThat(DemandModel.lotProfile("海尔路花园小区停车场", "QD-T2-URBAN", false)).isEqualTo(DemandProfile.RESIDENTIAL);
        assertThat(DemandModel.lotProfile("某路停车场", "QD-T2-URBAN", false)).isEqualTo(DemandProfile.GENERAL);
    }

    @Test
    void downtownStreetsAreCommuterOrEveningStreetsAndTargetsAreCapped() {
        assertThat(DemandModel.streetProfile("370202", "QD-S-00001")).isEqualTo(DemandProfile.STREET_COMMUTER);
        assertThat(DemandModel.streetProfile("370203", "QD-S-00002"))
                .isIn(DemandProfile.STREET_COMMUTER, DemandProfile.STREET_EVENING);
        assertThat(DemandModel.streetProfile("370285", "QD-S-00003")).isEqualTo(DemandProfile.STREET);
        assertThat(DemandModel.target(DemandProfile.PARK_AND_RIDE, "370202", 1.5, MONDAY.withHour(11)))
                .isEqualTo(0.98);
        assertThat(DemandModel.target(DemandProfile.OFFICE, "370285", 1.0, MONDAY.withHour(10)))
                .isLessThan(DemandModel.target(DemandProfile.OFFICE, "370202", 1.0, MONDAY.withHour(10)));
    }
}
