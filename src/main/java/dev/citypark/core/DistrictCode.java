package dev.citypark.core;

import java.util.Set;

/**
 * A Chinese administrative division code (GB/T 2260), six digits: two for the province-level division, two for the
 * prefecture, two for the county-level division, e.g. {@code 370200} for Qingdao and {@code 370202} for its Shinan
 * district. Validated to six ASCII digits whose first two are a real province-level prefix (11-15, 21-23, 31-37,
 * 41-46, 50-54, 61-65, 71, 81, 82). Whether the remaining digits name a division that exists today is not checked:
 * divisions are created and merged over the years.
 *
 * @param value the six digits
 */
public record DistrictCode(String value) {

    private static final Set<String> PROVINCE_PREFIXES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    public DistrictCode {
        if (value == null || value.length() != 6 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException("districtCode", "districtCode must be six digits (GB/T 2260)");
        }
        if (!PROVINCE_PREFIXES.contains(value.substring(0, 2))) {
            throw new InvalidValueException("districtCode",
                    "districtCode must start with a province-level code (11-82, GB/T 2260), was " + value);
        }
    }

    public static DistrictCode of(String value) {
        return new DistrictCode(value);
    }

    /** The two-digit province-level prefix, e.g. {@code 37} (Shandong). */
    public String provinceCode() {
        return value.substring(0, 2);
    }

    /** The province-level division containing this one, e.g. {@code 370000}. */
    public DistrictCode province() {
        return new DistrictCode(value.substring(0, 2) + "0000");
    }

    /** The prefecture-level division containing this one, e.g. {@code 370200} for {@code 370202}. */
    public DistrictCode prefecture() {
        return new DistrictCode(value.substring(0, 4) + "00");
    }

    /** Whether this code names a province-level division itself ({@code xx0000}). */
    public boolean isProvinceLevel() {
        return value.endsWith("0000");
    }

    /** Whether this code names a prefecture-level division itself ({@code xxyy00}, not {@code xx0000}). */
    public boolean isPrefectureLevel() {
        return value.endsWith("00") && !isProvinceLevel();
    }

    @Override
    public String toString() {
        return value;
    }
}
