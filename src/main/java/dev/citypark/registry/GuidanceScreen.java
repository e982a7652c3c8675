package dev.citypark.registry;

import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;

import java.util.List;

/**
 * A roadside parking guidance screen (停车诱导屏) showing nearby car parks with arrows and free spaces.
 *
 * @param id    city-unique screen id
 * @param point where it stands (WGS-84)
 * @param name  descriptive name, e.g. "香港中路诱导屏"
 * @param lines 1–8 lines, one per car park
 */
public record GuidanceScreen(String id, GeoPoint point, String name, List<ScreenLine> lines) {

    public GuidanceScreen {
        Checks.localId("id", id);
        Checks.require("point", point);
        name = Checks.text("name", name, 100);
        lines = Checks.list("lines", lines);
        if (lines.isEmpty() || lines.size() > 8) {
            throw new InvalidValueException("lines", "a guidance screen shows 1 to 8 lines, has " + lines.size());
        }
    }
}
