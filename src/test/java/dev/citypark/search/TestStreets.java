package dev.citypark.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.citypark.core.BayId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.Lot;
import dev.citypark.registry.LotType;
import dev.citypark.registry.Operator;
import dev.citypark.registry.OperatorKind;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Restrictions;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.Wgs84Geometry;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import net.sf.geographiclib.GeodesicMask;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Builds small hand-made registries around a centre in Qingdao, places given in metres east (x) and north (y). */
final class TestStreets {

    static final GeoPoint CENTRE = GeoPoint.of(36.0671, 120.3826);
    static final OperatorId GARAGES = OperatorId.of("OP-GARAGE");
    static final OperatorId CONCESSION = OperatorId.of("OP-STREET");
    static final OperatorId SENSORS = OperatorId.of("OP-SENSOR");

    private final List<Lot> lots = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();

    /** The point x metres east and y metres north of the centre (geodesic direct problem). */
    static GeoPoint at(double x, double y) {
        double distance = Math.hypot(x, y);
        if (distance == 0) {
            return CENTRE;
        }
        GeodesicData d = Geodesic.WGS84.Direct(CENTRE.lat(), CENTRE.lon(), Math.toDegrees(Math.atan2(x, y)),
                distance, GeodesicMask.LATITUDE | GeodesicMask.LONGITUDE);
        return GeoPoint.of(d.lat2, d.lon2);
    }

    TestStreets lot(String id, double x, double y, int general) {
        return lot(id, x, y, Map.of(SpaceCategory.GENERAL, general), "QD-T1-CORE");
    }

    TestStreets lot(String id, double x, double y, Map<SpaceCategory, Integer> capacity, String tariff) {
        GeoPoint p = at(x, y);
        Polygon footprint = Wgs84Geometry.rightHandRule(Wgs84Geometry.factory().createPolygon(new Coordinate[] {
                at(x - 10, y - 10).asJtsCoordinate(), at(x + 10, y - 10).asJtsCoordinate(),
                at(x + 10, y + 10).asJtsCoordinate(), at(x - 10, y + 10).asJtsCoordinate(),
                at(x - 10, y - 10).asJtsCoordinate()}));
        lots.add(new Lot(LotId.of(id), GARAGES, "停车场" + id, "Lot " + id, "测试路", "370202", p, footprint,
                List.of(), Capacity.of(new EnumMap<>(capacity)), "24/7", tariff, LotType.SURFACE, false, 1, null));
        return this;
    }

    /** A straight kerb from (x1, y1) to (x2, y2) with a general bay every 6 m (or {@code bays} of them). */
    TestStreets segment(String id, OperatorId operator, double x1, double y1, double x2, double y2, int bays,
                        SpaceCategory category) {
        LineString line = Wgs84Geometry.factory().createLineString(new Coordinate[] {
                at(x1, y1).asJtsCoordinate(), at(x2, y2).asJtsCoordinate()});
        List<Bay> list = new ArrayList<>();
        for (int i = 0; i < bays; i++) {
            double f = bays == 1 ? 0.5 : (double) i / (bays - 1);
            list.add(Bay.onStreet(BayId.of(id + "-" + String.format("%02d", i + 1)), category,
                    at(x1 + f * (x2 - x1), y1 + f * (y2 - y1))));
        }
        segments.add(new Segment(SegmentId.of(id), operator, "测试路" + id, "370202", line, list, "QD-ONSTREET-A",
                Restrictions.NONE, 1));
        return this;
    }

    RegistrySnapshot snapshot() {
        return new RegistrySnapshot(List.of(
                new Operator(GARAGES, "车库公司", OperatorKind.GARAGE_COMPANY),
                new Operator(CONCESSION, "路内特许", OperatorKind.ON_STREET_CONCESSION),
                new Operator(SENSORS, "地磁网关", OperatorKind.SENSOR_GATEWAY)),
                List.of(), lots, segments, List.of());
    }
}
