package dev.citypark.registry.web;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.citypark.core.LatLon;
import dev.citypark.registry.Bay;
import dev.citypark.registry.BayPlace;
import dev.citypark.registry.DistrictSummary;
import dev.citypark.registry.Floor;
import dev.citypark.registry.Gate;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Operator;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.WalkEdge;
import dev.citypark.registry.WalkNode;
import dev.citypark.registry.Zone;

/**
 * The plain-JSON bodies of the registry API ({@code application/json}). Points are {@code {"lat", "lon"}} objects,
 * geometries GeoJSON geometry objects, all in the request's crs, which each top-level body names in {@code crs}.
 */
final class Views {

    private Views() {
    }

    /** A page of a list, with the cursor of the next page (absent on the last page). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page<T>(String crs, List<T> items, String cursor, String next) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LotView(String id, String operator, String name, String nameEn, String address, String districtCode,
            String type, boolean parkAndRide, LatLon point, Map<String, Object> footprint, List<GateView> gates,
            Map<SpaceCategory, Integer> capacity, int totalSpaces, String openingHours, String tariffId,
            long version, IndoorSummary indoor, String crs) {

        static LotView of(Lot lot, CoordinateConversion c, boolean withCrs) {
            IndoorSummary indoor = lot.findIndoorModel()
                    .map(m -> new IndoorSummary(m.floors().size(), m.bays().size(),
                            "/api/v1/lots/" + lot.id().value() + "/indoor"))
                    .orElse(null);
            return new LotView(lot.id().value(), lot.operator().value(), lot.name(), lot.nameEn(), lot.address(),
                    lot.districtCode(), lot.type().name(), lot.parkAndRide(), c.out(lot.point()),
                    c.geometry(lot.footprint()),
                    lot.gates().stream().map(g -> GateView.of(g, c)).toList(), lot.capacity().asMap(),
                    lot.capacity().total(), lot.openingHours(), lot.tariffId(), lot.version(), indoor,
                    withCrs ? c.crs().code() : null);
        }
    }

    record GateView(String id, String kind, LatLon point) {

        static GateView of(Gate gate, CoordinateConversion c) {
            return new GateView(gate.id().value(), gate.kind().name(), c.out(gate.point()));
        }
    }

    /** That a lot has an indoor model, and where to get it. */
    record IndoorSummary(int floors, int bays, String href) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SegmentView(String id, String operator, String roadName, String districtCode, String tariffId,
            String paidHours, String maxStay, long version, Map<String, Object> geometry, int bayCount,
            List<SegmentBayView> bays, String crs) {

        static SegmentView of(Segment segment, CoordinateConversion c, boolean withBays, boolean withCrs) {
            return new SegmentView(segment.id().value(), segment.operator().value(), segment.roadName(),
                    segment.districtCode(), segment.tariffId(), segment.restrictions().paidHours(),
                    segment.restrictions().findMaxStay().map(Object::toString).orElse(null), segment.version(),
                    c.geometry(segment.geometry()), segment.bays().size(),
                    withBays ? segment.bays().stream().map(b -> SegmentBayView.of(b, c)).toList() : null,
                    withCrs ? c.crs().code() : null);
        }
    }

    record SegmentBayView(String id, String category, LatLon point) {

        static SegmentBayView of(Bay bay, CoordinateConversion c) {
            return new SegmentBayView(bay.id().value(), bay.category().name(), c.out(bay.point()));
        }
    }

    /** One bay with the lot or segment it belongs to; for garage bays the floor name and zone. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BayView(String id, String category, LatLon point, int floor, String floorName, ZoneRef zone,
            PlaceRef lot, PlaceRef segment, String crs) {

        static BayView of(BayPlace place, RegistrySnapshot snapshot, CoordinateConversion c) {
            Bay bay = place.bay();
            PlaceRef lot = null;
            PlaceRef segment = null;
            String floorName = null;
            ZoneRef zone = null;
            if (place.lot().isPresent()) {
                Lot owner = snapshot.findLot(place.lot().get()).orElseThrow();
                lot = new PlaceRef(owner.id().value(), owner.name(), owner.nameEn(), owner.operator().value(),
                        owner.districtCode(), "/api/v1/lots/" + owner.id().value());
                IndoorModel model = owner.indoorModel();
                floorName = model.floors().stream().filter(f -> f.level() == bay.floor()).map(Floor::name)
                        .findFirst().orElse(null);
                zone = bay.findZoneId().flatMap(id -> model.zones().stream().filter(z -> z.id().equals(id))
                        .findFirst()).map(z -> new ZoneRef(z.id(), z.name())).orElse(null);
            }
            else {
                Segment owner = snapshot.findSegment(place.segment().orElseThrow()).orElseThrow();
                segment = new PlaceRef(owner.id().value(), owner.roadName(), null, owner.operator().value(),
                        owner.districtCode(), "/api/v1/segments/" + owner.id().value());
            }
            return new BayView(bay.id().value(), bay.category().name(), c.out(bay.point()), bay.floor(), floorName,
                    zone, lot, segment, c.crs().code());
        }
    }

    record ZoneRef(String id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlaceRef(String id, String name, String nameEn, String operator, String districtCode, String href) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DistrictView(String code, String name, String nameEn, int lots, int segments, long onStreetSpaces,
            long offStreetSpaces, long totalSpaces, boolean approximateArea, Map<String, Object> area) {

        static DistrictView of(DistrictSummary s, Map<String, Object> area) {
            return new DistrictView(s.district().code(), s.district().name(), s.district().nameEn(), s.lots(),
                    s.segments(), s.onStreetSpaces(), s.offStreetSpaces(), s.totalSpaces(), s.district().approximate(),
                    area);
        }
    }

    /** The districts with the city's totals. */
    record DistrictList(List<DistrictView> items, Totals total) {
    }

    record Totals(int lots, int segments, long onStreetSpaces, long offStreetSpaces, long totalSpaces) {

        static Totals of(List<DistrictSummary> districts) {
            return new Totals(districts.stream().mapToInt(DistrictSummary::lots).sum(),
                    districts.stream().mapToInt(DistrictSummary::segments).sum(),
                    districts.stream().mapToLong(DistrictSummary::onStreetSpaces).sum(),
                    districts.stream().mapToLong(DistrictSummary::offStreetSpaces).sum(),
                    districts.stream().mapToLong(DistrictSummary::totalSpaces).sum());
        }
    }

    /** What the public may know about an operator: who they are and what they run. */
    record OperatorView(String id, String name, String kind, int lots, int segments, long offStreetSpaces,
            long onStreetSpaces) {

        static OperatorView of(Operator operator, RegistrySnapshot snapshot) {
            List<Lot> lots = snapshot.listLotsOf(operator.id());
            List<Segment> segments = snapshot.listSegmentsOf(operator.id());
            return new OperatorView(operator.id().value(), operator.name(), operator.kind().name(), lots.size(),
                    segments.size(), lots.stream().mapToLong(l -> l.capacity().total()).sum(),
                    segments.stream().mapToLong(s -> s.bays().size()).sum());
        }
    }

    /** A garage's inside: floors, zones, bays and the walk graph with its QR anchors. */
    record IndoorView(String lotId, List<Floor> floors, List<Zone> zones, List<NodeView> nodes,
            List<WalkEdge> edges, List<IndoorBayView> bays, String crs) {

        static IndoorView of(Lot lot, CoordinateConversion c) {
            IndoorModel m = lot.indoorModel();
            return new IndoorView(lot.id().value(), m.floors(), m.zones(),
                    m.nodes().stream().map(n -> NodeView.of(n, c)).toList(), m.edges(),
                    m.bays().stream().map(b -> IndoorBayView.of(b, m, c)).toList(), c.crs().code());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NodeView(String id, String kind, int floor, LatLon point, String shaft, String qrAnchor) {

        static NodeView of(WalkNode node, CoordinateConversion c) {
            return new NodeView(node.id(), node.kind().name(), node.floor(), c.out(node.point()), node.shaftId(),
                    node.qrAnchor());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IndoorBayView(String id, String category, int floor, String zone, LatLon point, String node,
            double walkMetres) {

        static IndoorBayView of(Bay bay, IndoorModel model, CoordinateConversion c) {
            var link = model.findLink(bay.id()).orElseThrow();
            return new IndoorBayView(bay.id().value(), bay.category().name(), bay.floor(), bay.zoneId(),
                    c.out(bay.point()), link.nodeId(), Math.round(link.lengthMetres() * 10) / 10.0);
        }
    }
}
