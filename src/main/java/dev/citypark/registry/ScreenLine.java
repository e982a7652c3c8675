package dev.citypark.registry;

import dev.citypark.core.LotId;

/**
 * One line of a guidance screen: a car park, its short name and the arrow pointing to it. The free-space count
 * shown next to it comes from live availability, not from the registry.
 *
 * @param lotId     the lot
 * @param shortName what the screen shows (at most 12 characters), e.g. "香港中路P"
 * @param arrow     direction to drive
 */
public record ScreenLine(LotId lotId, String shortName, ScreenArrow arrow) {

    public ScreenLine {
        Checks.require("lotId", lotId);
        shortName = Checks.text("shortName", shortName, 12);
        Checks.require("arrow", arrow);
    }
}
