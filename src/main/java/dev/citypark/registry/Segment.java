package dev.citypark.registry;

import dev.citypark.core.BayId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;
import org.locationtech.jts.geom.LineString;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A stretch of kerb with marked on-street bays (路内泊位), run by a district concession or a sensor operator.
 * Validated: the geometry is a valid WGS-84 line; there is at least one bay; bay ids are unique; on-street bays
 * have floor 0 and no zone and lie within {@value #MAX_BAY_OFFSET_DEGREES} degrees (about 30 m) of the line.
 *
 * @param id           city-unique segment id
 * @param operator     the operator running it
 * @param roadName     the road (Chinese), e.g. "香港中路"
 * @param districtCode six-digit district code
 * @param geometry     the kerb line (WGS-84, lon/lat)
 * @param bays         the bays along it, in order
 * @param tariffId     id of the tariff, e.g. "QD-ONSTREET-A"
 * @param restrictions paid hours and stay limit
 * @param version      optimistic-locking version, &ge; 0
 */
public record Segment(SegmentId id, OperatorId operator, String roadName, String districtCode, LineString geometry,
                      List<Bay> bays, String tariffId, Restrictions restrictions, long version) {

    /** How far (in degrees, about 30 m) a bay centre may lie from the segment line. */
    public static final double MAX_BAY_OFFSET_DEGREES = 0.0003;

    public Segment {
        Checks.require("id", id);
        Checks.require("operator", operator);
        roadName = Checks.text("roadName", roadName, 100);
        Checks.districtCode("districtCode", districtCode);
        Wgs84Geometry.requireValid("geometry", geometry);
        bays = Checks.list("bays", bays);
        if (bays.isEmpty()) {
            throw new InvalidValueException("bays", "a segment needs at least one bay");
        }
        Set<BayId> ids = new HashSet<>();
        for (int i = 0; i < bays.size(); i++) {
            Bay bay = bays.get(i);
            if (!ids.add(bay.id())) {
                throw new InvalidValueException("bays[" + i + "].id", "duplicate bay id " + bay.id());
            }
            if (bay.floor() != 0 || bay.zoneId() != null) {
                throw new InvalidValueException("bays[" + i + "].floor", "on-street bay " + bay.id()
                        + " must have floor 0 and no zone");
            }
            if (geometry.distance(Wgs84Geometry.point(bay.point())) > MAX_BAY_OFFSET_DEGREES) {
                throw new InvalidValueException("bays[" + i + "].point", "bay " + bay.id()
                        + " lies too far from the segment line");
            }
        }
        Checks.localId("tariffId", tariffId);
        Checks.require("restrictions", restrictions);
        Checks.version(version);
    }

    /** Number of bays, all counted as on-street spaces. */
    public Capacity capacity() {
        return Capacity.countOf(bays);
    }
}
