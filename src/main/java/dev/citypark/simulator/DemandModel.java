package dev.citypark.simulator;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Which {@link DemandProfile} a place follows, and its target occupancy at a simulated local time. Lots are classed
 * by what their name says they serve (写字楼, 商业中心, 花园小区, …) and by the registry's park-and-ride flag; street
 * segments by district: 市南 (370202) has the office streets, 市北 (370203, with 台东) alternates office and evening
 * shopping streets, the rest are ordinary streets. Each place scales its profile by a personal factor, so two
 * offices are not equally busy.
 */
final class DemandModel {

    static final String SHINAN = "370202";
    static final String SHIBEI = "370203";

    private DemandModel() {
    }

    /** The profile of a lot, from its name, tariff and park-and-ride flag. */
    static DemandProfile lotProfile(String name, String tariffId, boolean parkAndRide) {
        String n = name == null ? "" : name;
        if ("QD-AIRPORT".equals(tariffId) || n.contains("机场")) {
            return DemandProfile.AIRPORT;
        }
        if (parkAndRide || n.contains("P+R")) {
            return DemandProfile.PARK_AND_RIDE;
        }
        if (n.contains("写字楼")) {
            return DemandProfile.OFFICE;
        }
        if (n.contains("商业") || n.contains("购物") || n.contains("万达")) {
            return DemandProfile.MALL;
        }
        if (n.contains("小区") || n.contains("花园")) {
            return DemandProfile.RESIDENTIAL;
        }
        if (n.contains("医院")) {
            return DemandProfile.HOSPITAL;
        }
        if (n.contains("市场")) {
            return DemandProfile.MARKET;
        }
        if (n.contains("学校")) {
            return DemandProfile.SCHOOL;
        }
        if (n.contains("酒店")) {
            return DemandProfile.HOTEL;
        }
        if (n.contains("公园") || n.contains("体育") || n.contains("广场")) {
            return DemandProfile.LEISURE;
        }
        return DemandProfile.GENERAL;
    }

    /** The profile of a street segment: by district, 市北 alternating office and evening streets by segment. */
    static DemandProfile streetProfile(String districtCode, String segmentId) {
        if (SHINAN.equals(districtCode)) {
            return DemandProfile.STREET_COMMUTER;
        }
        if (SHIBEI.equals(districtCode)) {
            return (segmentId.hashCode() & 1) == 0 ? DemandProfile.STREET_EVENING : DemandProfile.STREET_COMMUTER;
        }
        return DemandProfile.STREET;
    }

    /** Demand in the county-level cities (胶州, 平度, 莱西) and 即墨 is lower than downtown. */
    static double districtFactor(String districtCode) {
        return switch (districtCode) {
            case SHINAN, SHIBEI -> 1.0;
            case "370211", "370212", "370213", "370214" -> 0.92;
            case "370215" -> 0.85;
            default -> 0.78;
        };
    }

    /** Target occupied share of a place, 0..0.98, for its profile, district and personal factor. */
    static double target(DemandProfile profile, String districtCode, double personalFactor, LocalDateTime local) {
        double value = profile.occupancy(local) * districtFactor(districtCode) * personalFactor;
        return Math.max(0.0, Math.min(0.98, value));
    }

    static String describe(DemandProfile profile) {
        return profile.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
