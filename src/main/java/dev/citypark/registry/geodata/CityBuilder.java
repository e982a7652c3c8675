package dev.citypark.registry.geodata;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.District;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GateKind;
import dev.citypark.registry.GuidanceScreen;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.LotType;
import dev.citypark.registry.Operator;
import dev.citypark.registry.OperatorKind;
import dev.citypark.registry.Restrictions;
import dev.citypark.registry.ScreenArrow;
import dev.citypark.registry.ScreenLine;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import dev.citypark.registry.Wgs84Geometry;
import dev.citypark.registry.geodata.QingdaoGeography.DistrictSpec;
import dev.citypark.registry.geodata.QingdaoGeography.Name;
import dev.citypark.registry.geodata.QingdaoGeography.ParkAndRideSite;
import dev.citypark.registry.geodata.QingdaoGeography.Site;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.quadtree.Quadtree;
import org.locationtech.jts.index.strtree.STRtree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the whole generated city from a seed: districts, operators, lots (with indoor garages and park-and-ride
 * lots), on-street segments and guidance screens. Uses only {@link SplittableRandom} seeded with the seed and
 * deterministic iteration, so the same seed and scale give the same city.
 */
final class CityBuilder {

    /** The generated city, before it is written. */
    record City(List<District> districts, List<Operator> operators, List<Lot> lots, List<Segment> segments,
                List<GuidanceScreen> screens) {
    }

    static final long CITY_SPACES = 300_000;
    private static final int FULL_SCALE_INDOOR_GARAGES = 24;
    private static final int FULL_SCALE_SCREENS = 150;
    private static final int MIN_INDOOR_BAYS = 300;
    private static final double MEAN_LOT_SPACES = 148;
    private static final double MEAN_SEGMENT_BAYS = 15;
    private static final double BAY_PITCH_METRES = 6.0;
    private static final double INNER_BUFFER_DEGREES = -0.002;
    private static final double KM_PER_DEGREE = 111.2;
    private static final List<String> INDOOR_DISTRICT_CYCLE =
            List.of("370202", "370203", "370213", "370212", "370202", "370203", "370211", "370214");
    private static final List<String> SCREEN_DISTRICTS =
            List.of("370202", "370203", "370211", "370212", "370213", "370214");

    private static final List<Name> LANDMARKS = List.of(
            new Name("商业中心", "Commercial Centre"), new Name("医院", "Hospital"),
            new Name("体育中心", "Sports Centre"), new Name("市民广场", "Civic Square"),
            new Name("花园小区", "Garden Estate"), new Name("写字楼", "Office Tower"), new Name("公园", "Park"),
            new Name("学校", "School"), new Name("酒店", "Hotel"), new Name("农贸市场", "Market"));
    private static final List<String> LOT_HOURS =
            List.of("24/7", "Mo-Su 06:00-23:00", "Mo-Fr 07:00-22:00; Sa,Su 08:00-20:00");

    private final SplittableRandom random;
    private final double scale;
    private final long totalSpaces;

    private final List<Operator> operators = new ArrayList<>();
    private final List<Operator> garageCompanies = new ArrayList<>();
    private final List<Operator> sensorGateways = new ArrayList<>();
    private final Map<String, Operator> concessions = new HashMap<>();
    private Operator metroOperator;
    private Operator airportOperator;

    private final List<Lot> lots = new ArrayList<>();
    private final Map<LotId, Name> lotRoads = new HashMap<>();
    private final List<Segment> segments = new ArrayList<>();
    private final Quadtree footprints = new Quadtree();
    private int lotCounter;
    private int segmentCounter;

    CityBuilder(long seed, double scale) {
        if (!(scale > 0) || scale > 1.0) {
            throw new IllegalArgumentException("scale must be in (0, 1], was " + scale);
        }
        this.random = new SplittableRandom(seed);
        this.scale = scale;
        this.totalSpaces = Math.round(CITY_SPACES * scale);
    }

    City build() {
        List<District> districts = DistrictAreas.build();
        buildOperators();
        List<DistrictSpec> specs = QingdaoGeography.DISTRICTS;
        double[] weights = specs.stream().mapToDouble(DistrictSpec::weight).toArray();
        long[] districtTotals = Apportionment.split(totalSpaces, weights);
        int indoorGarages = Math.max(1, (int) Math.round(FULL_SCALE_INDOOR_GARAGES * scale));
        Map<String, Integer> indoorPerDistrict = new HashMap<>();
        for (int i = 0; i < indoorGarages; i++) {
            indoorPerDistrict.merge(INDOOR_DISTRICT_CYCLE.get(i % INDOOR_DISTRICT_CYCLE.size()), 1, Integer::sum);
        }
        Map<String, Area> areas = new HashMap<>();
        for (int d = 0; d < specs.size(); d++) {
            DistrictSpec spec = specs.get(d);
            Area area = new Area(spec, districts.get(d));
            areas.put(spec.code(), area);
            long onStreet = Math.round(districtTotals[d] * spec.onStreetShare());
            long offStreet = districtTotals[d] - onStreet;
            buildLots(area, offStreet, indoorPerDistrict.getOrDefault(spec.code(), 0));
            buildSegments(area, onStreet);
        }
        List<GuidanceScreen> screens = buildScreens(areas);
        return new City(districts, List.copyOf(operators), List.copyOf(lots), List.copyOf(segments), screens);
    }

    // ------------------------------------------------------------------ operators

    private void buildOperators() {
        for (DistrictSpec spec : QingdaoGeography.DISTRICTS) {
            Operator op = new Operator(OperatorId.of("OP-ONST-" + spec.code()),
                    spec.name().zh() + "路内停车运营有限公司", OperatorKind.ON_STREET_CONCESSION);
            operators.add(op);
            concessions.put(spec.code(), op);
        }
        String[] garages = {"青岛海湾停车管理有限公司", "琴岛智慧停车有限公司", "青岛城市停车投资有限公司",
                "青岛港城物业停车有限公司", "胶州湾停车管理有限公司", "青岛蓝海停车运营有限公司", "青岛万泊停车科技有限公司",
                "青岛东方停车管理有限公司", "青岛北岸停车有限公司", "西海岸停车运营有限公司", "青岛恒泊物业管理有限公司",
                "青岛顺泊停车服务有限公司", "青岛平安停车管理有限公司", "崂山山海停车服务有限公司",
                "青岛医康后勤停车服务有限公司"};
        for (int i = 0; i < garages.length; i++) {
            Operator op = new Operator(OperatorId.of(String.format("OP-GAR-%02d", i + 1)), garages[i],
                    OperatorKind.GARAGE_COMPANY);
            operators.add(op);
            garageCompanies.add(op);
        }
        metroOperator = new Operator(OperatorId.of("OP-GAR-METRO-PR"), "青岛地铁停车换乘运营有限公司",
                OperatorKind.GARAGE_COMPANY);
        airportOperator = new Operator(OperatorId.of("OP-GAR-AIRPORT"), "胶东机场停车服务有限公司",
                OperatorKind.GARAGE_COMPANY);
        operators.add(metroOperator);
        operators.add(airportOperator);
        String[] gateways = {"琴岛地磁物联网关有限公司", "青岛泊联传感科技有限公司", "海云视频泊位网关有限公司"};
        for (int i = 0; i < gateways.length; i++) {
            Operator op = new Operator(OperatorId.of(String.format("OP-SENS-%02d", i + 1)), gateways[i],
                    OperatorKind.SENSOR_GATEWAY);
            operators.add(op);
            sensorGateways.add(op);
        }
    }

    // ------------------------------------------------------------------ lots

    private void buildLots(Area area, long offStreet, int indoorGarages) {
        long left = offStreet;
        for (ParkAndRideSite site : QingdaoGeography.PARK_AND_RIDE_SITES) {
            if (site.districtCode().equals(area.spec.code())) {
                int capacity = (int) Math.max(20, Math.round(site.baseCapacity() * scale));
                addParkAndRide(area, site, capacity);
                left -= capacity;
            }
        }
        for (int i = 0; i < indoorGarages; i++) {
            left -= addIndoorGarage(area);
        }
        if (left < 0) {
            throw new IllegalStateException("district " + area.spec.code() + " has " + offStreet
                    + " off-street spaces, fewer than its fixed lots need; raise --scale");
        }
        if (left == 0) {
            return;
        }
        int minSize = (int) Math.min(8, left);
        int count = (int) Math.max(1, Math.min(Math.round(left / MEAN_LOT_SPACES), left / minSize));
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            weights[i] = StrictMath.exp(gaussian() * 0.8);
        }
        long[] sizes = Apportionment.split(left - (long) minSize * count, weights);
        for (int i = 0; i < count; i++) {
            addOrdinaryLot(area, (int) sizes[i] + minSize);
        }
    }

    private LotId nextLotId() {
        return LotId.of(String.format("QD-L-%05d", ++lotCounter));
    }

    private void addParkAndRide(Area area, ParkAndRideSite site, int capacity) {
        GeoPoint centre = GeoPoint.of(site.site().lat(), site.site().lon());
        if (!area.region.contains(Wgs84Geometry.point(centre))) {
            throw new IllegalStateException(site.name().zh() + " at " + centre + " is not inside district "
                    + area.spec.code());
        }
        LotId id = nextLotId();
        double[] size = footprintSize(site.type(), capacity, site.type() == LotType.MULTI_STOREY ? 5 : 1);
        LocalFrame frame = new LocalFrame(centre, random.nextDouble() * 90);
        Polygon footprint = rectangle(frame, size[0], size[1]);
        if (!area.all.covers(footprint)) {
            throw new IllegalStateException(site.name().zh() + " footprint leaves district " + area.spec.code());
        }
        footprints.insert(footprint.getEnvelopeInternal(), footprint);
        Lot lot = new Lot(id, site.airport() ? airportOperator.id() : metroOperator.id(), site.name().zh(),
                site.name().en(), address(area, site.road()), area.spec.code(), centre, footprint,
                gates(id, frame, size, capacity), splitCapacity(capacity, site.type()), "24/7", site.tariffId(),
                site.type(), true, 1, null);
        lots.add(lot);
        lotRoads.put(id, site.road());
    }

    private int addIndoorGarage(Area area) {
        IndoorGarageBuilder.Layout layout = IndoorGarageBuilder.randomLayout(random, MIN_INDOOR_BAYS, scale < 0.5);
        LotId id = nextLotId();
        for (int attempt = 0; attempt < 500; attempt++) {
            GeoPoint centre = samplePoint(area);
            double rotation = random.nextDouble() * 90;
            IndoorGarageBuilder.Garage garage = IndoorGarageBuilder.build(id, layout, centre, rotation, random);
            Coordinate[] ring = new Coordinate[5];
            for (int i = 0; i < 4; i++) {
                ring[i] = garage.corners().get(i).asJtsCoordinate();
            }
            ring[4] = ring[0];
            Polygon footprint = Wgs84Geometry.rightHandRule(Wgs84Geometry.factory().createPolygon(ring));
            if (!area.all.covers(footprint) || overlapsExisting(footprint)) {
                continue;
            }
            footprints.insert(footprint.getEnvelopeInternal(), footprint);
            Name road = pick(area.spec.roads());
            Name landmark = pick(LANDMARKS);
            Name suffix = typeSuffix(layout.type());
            IndoorModel model = garage.model();
            lots.add(new Lot(id, pickOperator(), road.zh() + landmark.zh() + suffix.zh(),
                    road.en() + " " + landmark.en() + " " + suffix.en(), address(area, road), area.spec.code(),
                    garage.point(), footprint, garage.gates(), model.capacity(),
                    random.nextInt(4) == 0 ? "Mo-Su 06:00-23:30" : "24/7", area.spec.offStreetTariff(),
                    layout.type(), false, 1, model));
            lotRoads.put(id, road);
            return layout.bays();
        }
        throw new IllegalStateException("no room for an indoor garage in district " + area.spec.code());
    }

    private void addOrdinaryLot(Area area, int capacity) {
        LotType type = ordinaryType(area.spec.dense(), capacity);
        int levels = switch (type) {
            case SURFACE -> 1;
            case UNDERGROUND -> 1 + random.nextInt(3);
            case MULTI_STOREY -> 3 + random.nextInt(4);
        };
        double[] size = footprintSize(type, capacity, levels);
        LotId id = nextLotId();
        for (int attempt = 0; attempt < 500; attempt++) {
            GeoPoint centre = samplePoint(area);
            LocalFrame frame = new LocalFrame(centre, random.nextDouble() * 180);
            Polygon footprint = rectangle(frame, size[0], size[1]);
            if (!area.all.covers(footprint) || (attempt < 400 && overlapsExisting(footprint))) {
                continue;
            }
            footprints.insert(footprint.getEnvelopeInternal(), footprint);
            Name road = pick(area.spec.roads());
            Name suffix = typeSuffix(type);
            String name = road.zh() + suffix.zh();
            String nameEn = road.en() + " " + suffix.en();
            if (random.nextBoolean()) {
                Name landmark = pick(LANDMARKS);
                name = road.zh() + landmark.zh() + suffix.zh();
                nameEn = road.en() + " " + landmark.en() + " " + suffix.en();
            }
            double h = random.nextDouble();
            String hours = h < 0.7 ? LOT_HOURS.get(0) : h < 0.9 ? LOT_HOURS.get(1) : LOT_HOURS.get(2);
            lots.add(new Lot(id, pickOperator(), name, nameEn, address(area, road), area.spec.code(), centre,
                    footprint, gates(id, frame, size, capacity), splitCapacity(capacity, type), hours,
                    area.spec.offStreetTariff(), type, false, 1, null));
            lotRoads.put(id, road);
            return;
        }
        throw new IllegalStateException("no room for a lot in district " + area.spec.code());
    }

    private LotType ordinaryType(boolean dense, int capacity) {
        if (capacity < 60) {
            return LotType.SURFACE;
        }
        double r = random.nextDouble();
        if (dense) {
            return r < 0.35 ? LotType.SURFACE : r < 0.8 ? LotType.UNDERGROUND : LotType.MULTI_STOREY;
        }
        return r < 0.65 ? LotType.SURFACE : r < 0.9 ? LotType.UNDERGROUND : LotType.MULTI_STOREY;
    }

    /** Width and depth in metres of a rectangle holding {@code capacity} spaces on {@code levels} levels. */
    private double[] footprintSize(LotType type, int capacity, int levels) {
        double perSpace = type == LotType.SURFACE ? 25 : type == LotType.UNDERGROUND ? 32 : 30;
        double area = Math.max(300, capacity * perSpace / levels);
        double aspect = 1 + random.nextDouble();
        double width = Math.sqrt(area * aspect);
        return new double[]{width, area / width};
    }

    private static Polygon rectangle(LocalFrame frame, double width, double depth) {
        double w = width / 2;
        double d = depth / 2;
        Coordinate[] ring = {frame.toGeo(-w, -d).asJtsCoordinate(), frame.toGeo(w, -d).asJtsCoordinate(),
                frame.toGeo(w, d).asJtsCoordinate(), frame.toGeo(-w, d).asJtsCoordinate(), null};
        ring[4] = ring[0];
        return Wgs84Geometry.rightHandRule(Wgs84Geometry.factory().createPolygon(ring));
    }

    private static List<Gate> gates(LotId id, LocalFrame frame, double[] size, int capacity) {
        double w = size[0] / 2;
        double d = size[1] / 2;
        if (capacity < 80) {
            return List.of(new Gate(GateId.of(id.value() + "-G1"), GateKind.BOTH, frame.toGeo(0, -d)));
        }
        List<Gate> gates = new ArrayList<>();
        gates.add(new Gate(GateId.of(id.value() + "-G1"), GateKind.ENTRY, frame.toGeo(-w / 2, -d)));
        gates.add(new Gate(GateId.of(id.value() + "-G2"), GateKind.EXIT, frame.toGeo(w / 2, -d)));
        if (capacity > 800) {
            gates.add(new Gate(GateId.of(id.value() + "-G3"), GateKind.BOTH, frame.toGeo(0, d)));
        }
        return gates;
    }

    private Capacity splitCapacity(int total, LotType type) {
        EnumMap<SpaceCategory, Integer> counts = new EnumMap<>(SpaceCategory.class);
        if (total < 20) {
            counts.put(SpaceCategory.GENERAL, total);
            return Capacity.of(counts);
        }
        int ev = (int) Math.round(total * (0.04 + random.nextDouble() * 0.08));
        int disabled = Math.max(1, (int) Math.round(total * 0.02));
        int large = (int) Math.round(total * (type == LotType.SURFACE ? 0.03 : 0.01));
        int nev = (int) Math.round(total * 0.02);
        counts.put(SpaceCategory.EV_CHARGING, ev);
        counts.put(SpaceCategory.DISABLED, disabled);
        counts.put(SpaceCategory.LARGE, large);
        counts.put(SpaceCategory.NEV, nev);
        counts.put(SpaceCategory.GENERAL, total - ev - disabled - large - nev);
        return Capacity.of(counts);
    }

    private boolean overlapsExisting(Geometry footprint) {
        for (Object candidate : footprints.query(footprint.getEnvelopeInternal())) {
            if (((Geometry) candidate).intersects(footprint)) {
                return true;
            }
        }
        return false;
    }

    private OperatorId pickOperator() {
        double[] weights = new double[garageCompanies.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (i + 2);
        }
        return garageCompanies.get(weighted(weights)).id();
    }

    private static Name typeSuffix(LotType type) {
        return switch (type) {
            case SURFACE -> new Name("停车场", "Car Park");
            case UNDERGROUND -> new Name("地下停车库", "Underground Garage");
            case MULTI_STOREY -> new Name("立体停车楼", "Parking Building");
        };
    }

    private String address(Area area, Name road) {
        return "山东省青岛市" + area.spec.name().zh() + road.zh() + (1 + random.nextInt(300)) + "号";
    }

    // ------------------------------------------------------------------ on-street segments

    private void buildSegments(Area area, long onStreet) {
        if (onStreet <= 0) {
            return;
        }
        int minBays = 3;
        int count = (int) Math.max(1, Math.min(Math.round(onStreet / MEAN_SEGMENT_BAYS), onStreet / minBays));
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            weights[i] = StrictMath.exp(gaussian() * 0.5);
        }
        long[] sizes = count == 1 ? new long[]{onStreet} : Apportionment.split(onStreet - (long) minBays * count,
                weights);
        for (int i = 0; i < count; i++) {
            addSegment(area, (int) (count == 1 ? sizes[0] : sizes[i] + minBays));
        }
    }

    private void addSegment(Area area, int bayCount) {
        SegmentId id = SegmentId.of(String.format("QD-S-%05d", ++segmentCounter));
        double length = bayCount * BAY_PITCH_METRES;
        for (int attempt = 0; attempt < 500; attempt++) {
            GeoPoint start = samplePoint(area);
            double azimuth1 = random.nextDouble() * 360;
            boolean bend = bayCount >= 8 && random.nextDouble() < 0.4;
            double firstLeg = bend ? length * (0.3 + random.nextDouble() * 0.4) : length;
            double azimuth2 = azimuth1 + (random.nextBoolean() ? 1 : -1) * (10 + random.nextDouble() * 25);
            GeoPoint corner = LocalFrame.travel(start, azimuth1, firstLeg);
            List<Coordinate> vertices = new ArrayList<>();
            vertices.add(start.asJtsCoordinate());
            vertices.add(corner.asJtsCoordinate());
            if (bend) {
                vertices.add(LocalFrame.travel(corner, azimuth2, length - firstLeg).asJtsCoordinate());
            }
            LineString line = Wgs84Geometry.factory().createLineString(vertices.toArray(new Coordinate[0]));
            if (!area.all.covers(line)) {
                continue;
            }
            List<Bay> bays = new ArrayList<>(bayCount);
            for (int i = 0; i < bayCount; i++) {
                double along = BAY_PITCH_METRES / 2 + i * BAY_PITCH_METRES;
                GeoPoint point = along <= firstLeg ? LocalFrame.travel(start, azimuth1, along)
                        : LocalFrame.travel(corner, azimuth2, along - firstLeg);
                bays.add(Bay.onStreet(BayId.of(String.format("%s-%02d", id.value(), i + 1)), streetCategory(),
                        point));
            }
            OperatorId operator = random.nextDouble() < 0.07 ? pick(sensorGateways).id()
                    : concessions.get(area.spec.code()).id();
            segments.add(new Segment(id, operator, pick(area.spec.roads()).zh(), area.spec.code(), line, bays,
                    area.spec.onStreetTariff(), restrictions(area.spec), 1));
            return;
        }
        throw new IllegalStateException("no room for a street segment in district " + area.spec.code());
    }

    private SpaceCategory streetCategory() {
        double r = random.nextDouble();
        if (r < 0.02) {
            return SpaceCategory.DISABLED;
        }
        if (r < 0.035) {
            return SpaceCategory.EV_CHARGING;
        }
        if (r < 0.045) {
            return SpaceCategory.LARGE;
        }
        if (r < 0.06) {
            return SpaceCategory.NEV;
        }
        return SpaceCategory.GENERAL;
    }

    private Restrictions restrictions(DistrictSpec spec) {
        double r = random.nextDouble();
        if (spec.dense()) {
            String hours = r < 0.8 ? "Mo-Su 07:30-19:30" : r < 0.9 ? "24/7" : "Mo-Sa 08:00-20:00";
            boolean core = spec.offStreetTariff().equals(QingdaoGeography.T1_CORE);
            return new Restrictions(hours, core && random.nextBoolean() ? Duration.ofHours(2) : null);
        }
        if (r < 0.05) {
            return Restrictions.NONE;
        }
        return new Restrictions(r < 0.7 ? "Mo-Sa 08:00-18:00" : "Mo-Su 07:00-21:00", null);
    }

    // ------------------------------------------------------------------ guidance screens

    private List<GuidanceScreen> buildScreens(Map<String, Area> areas) {
        int wanted = Math.max(1, (int) Math.round(FULL_SCALE_SCREENS * scale));
        List<Lot> anchors = new ArrayList<>();
        for (Lot lot : lots) {
            if (SCREEN_DISTRICTS.contains(lot.districtCode()) && !lot.parkAndRide()) {
                anchors.add(lot);
            }
        }
        STRtree index = new STRtree();
        for (Lot lot : lots) {
            index.insert(new Envelope(lot.point().asJtsCoordinate()), lot);
        }
        index.build();
        double[] weights = anchors.stream().mapToDouble(l -> l.capacity().total()).toArray();
        List<GuidanceScreen> screens = new ArrayList<>();
        for (int attempt = 0; screens.size() < wanted && attempt < wanted * 50; attempt++) {
            Lot anchor = anchors.get(weighted(weights));
            Area area = areas.get(anchor.districtCode());
            GeoPoint point = LocalFrame.travel(anchor.point(), random.nextDouble() * 360,
                    80 + random.nextDouble() * 220);
            if (!area.region.contains(Wgs84Geometry.point(point))) {
                continue;
            }
            List<Lot> near = nearestLots(index, point, 2000);
            if (near.size() < 2) {
                continue;
            }
            int shown = Math.min(near.size(), 2 + random.nextInt(3));
            double facing = random.nextDouble() * 360;
            List<ScreenLine> lines = new ArrayList<>();
            for (Lot lot : near.subList(0, shown)) {
                lines.add(new ScreenLine(lot.id(), shortName(lot), arrow(facing, LocalFrame.azimuth(point,
                        lot.point()))));
            }
            String id = String.format("QD-SCR-%04d", screens.size() + 1);
            screens.add(new GuidanceScreen(id, point, lotRoads.get(anchor.id()).zh() + "诱导屏", lines));
        }
        return List.copyOf(screens);
    }

    private static List<Lot> nearestLots(STRtree index, GeoPoint point, double maxMetres) {
        double degrees = maxMetres / 1000 / KM_PER_DEGREE * 1.5;
        Envelope search = new Envelope(point.asJtsCoordinate());
        search.expandBy(degrees);
        List<Lot> found = new ArrayList<>();
        for (Object candidate : index.query(search)) {
            Lot lot = (Lot) candidate;
            if (lot.point().distanceMetresTo(point) <= maxMetres) {
                found.add(lot);
            }
        }
        found.sort(Comparator.comparingDouble((Lot l) -> l.point().distanceMetresTo(point))
                .thenComparing(l -> l.id().value()));
        return found;
    }

    private String shortName(Lot lot) {
        if (lot.parkAndRide()) {
            String name = lot.name();
            return name.length() > 12 ? name.substring(0, 12) : name;
        }
        String road = lotRoads.get(lot.id()).zh();
        String suffix = switch (lot.type()) {
            case SURFACE -> "停车场";
            case UNDERGROUND -> "地库";
            case MULTI_STOREY -> "停车楼";
        };
        String name = road + suffix;
        return name.length() > 12 ? name.substring(0, 12) : name;
    }

    /** The arrow for a lot at {@code bearing} seen by a driver facing {@code facing} (both degrees from north). */
    static ScreenArrow arrow(double facing, double bearing) {
        double relative = ((bearing - facing) % 360 + 540) % 360 - 180;
        if (Math.abs(relative) <= 22.5) {
            return ScreenArrow.AHEAD;
        }
        if (relative > 22.5 && relative <= 67.5) {
            return ScreenArrow.AHEAD_RIGHT;
        }
        if (relative < -22.5 && relative >= -67.5) {
            return ScreenArrow.AHEAD_LEFT;
        }
        return relative > 0 ? ScreenArrow.RIGHT : ScreenArrow.LEFT;
    }

    // ------------------------------------------------------------------ sampling

    /** A point inside the district's inner region, clustered around its seed points. */
    private GeoPoint samplePoint(Area area) {
        List<Site> seeds = area.spec.seeds();
        for (int attempt = 0; attempt < 200; attempt++) {
            int index = seeds.size() == 1 || random.nextDouble() < 0.55 ? 0 : 1 + random.nextInt(seeds.size() - 1);
            Site centre = seeds.get(index);
            double sigmaKm = area.spec.sigmaKm() * (index == 0 ? 1.0 : 1.4);
            double lat = centre.lat() + gaussian() * sigmaKm / KM_PER_DEGREE;
            double lon = centre.lon() + gaussian() * sigmaKm / (KM_PER_DEGREE * StrictMath.cos(
                    StrictMath.toRadians(centre.lat())));
            GeoPoint point = GeoPoint.of(lat, lon);
            if (area.region.contains(Wgs84Geometry.point(point))) {
                return point;
            }
        }
        Envelope envelope = area.envelope;
        for (int attempt = 0; attempt < 100_000; attempt++) {
            GeoPoint point = GeoPoint.of(envelope.getMinY() + random.nextDouble() * envelope.getHeight(),
                    envelope.getMinX() + random.nextDouble() * envelope.getWidth());
            if (area.region.contains(Wgs84Geometry.point(point))) {
                return point;
            }
        }
        throw new IllegalStateException("cannot place a point in district " + area.spec.code());
    }

    /** Standard normal deviate (Box–Muller with StrictMath, so every JVM draws the same numbers). */
    private double gaussian() {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private int weighted(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double r = random.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A district with its prepared geometries: the whole area and an inner region ~200 m from its edges. */
    private static final class Area {
        final DistrictSpec spec;
        final PreparedGeometry all;
        final PreparedGeometry region;
        final Envelope envelope;

        Area(DistrictSpec spec, District district) {
            this.spec = spec;
            Geometry inner = district.area().buffer(INNER_BUFFER_DEGREES);
            this.all = PreparedGeometryFactory.prepare(district.area());
            this.region = PreparedGeometryFactory.prepare(inner);
            this.envelope = inner.getEnvelopeInternal();
        }
    }
}
