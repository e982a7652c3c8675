package dev.citypark.registry;

import dev.citypark.core.InvalidValueException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * A county-level district of Qingdao (区/县级市).
 *
 * @param code        six-digit administrative division code, e.g. "370202"
 * @param name        Chinese name, e.g. "市南区"
 * @param nameEn      pinyin/English name, e.g. "Shinan District"
 * @param area        the area, a valid WGS-84 {@link Polygon} or {@link MultiPolygon}
 * @param approximate whether the area is an approximation rather than the official boundary (the generated city's
 *                    areas always are)
 */
public record District(String code, String name, String nameEn, Geometry area, boolean approximate) {

    public District {
        Checks.districtCode("code", code);
        name = Checks.text("name", name, 50);
        nameEn = Checks.text("nameEn", nameEn, 100);
        Checks.require("area", area);
        if (!(area instanceof Polygon) && !(area instanceof MultiPolygon)) {
            throw new InvalidValueException("area", "area must be a Polygon or MultiPolygon, was "
                    + area.getGeometryType());
        }
        Wgs84Geometry.requireValid("area", area);
    }
}
