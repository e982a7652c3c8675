package dev.citypark.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * One immutable, internally consistent view of the whole registry with its spatial index (JTS {@link STRtree} over
 * lot points and segment envelopes). Readers take the current snapshot and never see a half-applied change: a
 * registry change builds a new snapshot and swaps it in ({@link Registry}). Thread-safe because nothing in it
 * changes after construction (the STRtrees are built eagerly).
 * <p>
 * {@link #withLot(Lot)} and {@link #withoutLot(LotId)} derive the snapshot after one lot changed: it shares the segments, their index, the
 * districts and the city area with this one and rebuilds only the lot side (lot map and index, bay map, district
 * counts), a few milliseconds for the whole city.
 */
public final class RegistrySnapshot {

    static final RegistrySnapshot EMPTY = new RegistrySnapshot(List.of(), List.of(), List.of(), List.of(), List.of());

    private final Map<OperatorId, Operator> operators;
    private final List<District> districtList;
    private final Map<String, District> districtsByCode;
    private final PreparedGeometry cityArea;
    private final List<DistrictSummary> districts;
    private final TreeMap<String, Lot> lots;
    private final TreeMap<String, Segment> segments;
    private final Map<BayId, BayPlace> bays;
    private final Map<GateId, LotId> gates;
    private final Map<String, GuidanceScreen> screens;
    private final STRtree lotIndex;
    private final STRtree segmentIndex;

    public RegistrySnapshot(List<Operator> operators, List<District> districts, List<Lot> lots,
            List<Segment> segments, List<GuidanceScreen> screens) {
        Map<OperatorId, Operator> operatorMap = new LinkedHashMap<>();
        operators.forEach(o -> operatorMap.put(o.id(), o));
        this.operators = Collections.unmodifiableMap(operatorMap);
        this.districtList = districts.stream().sorted(Comparator.comparing(District::code)).toList();
        Map<String, District> byCode = new LinkedHashMap<>();
        this.districtList.forEach(d -> byCode.put(d.code(), d));
        this.districtsByCode = Collections.unmodifiableMap(byCode);
        this.cityArea = cityArea(this.districtList);
        this.segments = new TreeMap<>();
        this.segmentIndex = new STRtree();
        Map<BayId, BayPlace> bayMap = new HashMap<>();
        for (Segment segment : segments) {
            this.segments.put(segment.id().value(), segment);
            segmentIndex.insert(segment.geometry().getEnvelopeInternal(), segment);
            segment.bays().forEach(bay ->
                    bayMap.put(bay.id(), new BayPlace(bay, Optional.empty(), Optional.of(segment.id()))));
        }
        segmentIndex.build();
        this.lots = new TreeMap<>();
        lots.forEach(lot -> this.lots.put(lot.id().value(), lot));
        this.lotIndex = lotIndex(this.lots.values());
        Map<GateId, LotId> gateMap = new HashMap<>();
        for (Lot lot : lots) {
            addLotBays(bayMap, lot);
            lot.gates().forEach(gate -> gateMap.put(gate.id(), lot.id()));
        }
        this.bays = Collections.unmodifiableMap(bayMap);
        this.gates = Collections.unmodifiableMap(gateMap);
        Map<String, GuidanceScreen> screenMap = new LinkedHashMap<>();
        screens.forEach(s -> screenMap.put(s.id(), s));
        this.screens = Collections.unmodifiableMap(screenMap);
        this.districts = summarise(this.districtList, this.lots.values(), this.segments.values());
    }

    /**
     * The snapshot {@code previous} with lot {@code id} added, replaced by {@code changed}, or removed
     * ({@code changed} null); everything on the street side is shared.
     */
    private RegistrySnapshot(RegistrySnapshot previous, LotId id, Lot changed) {
        this.operators = previous.operators;
        this.districtList = previous.districtList;
        this.districtsByCode = previous.districtsByCode;
        this.cityArea = previous.cityArea;
        this.segments = previous.segments;
        this.segmentIndex = previous.segmentIndex;
        this.screens = previous.screens;
        this.lots = new TreeMap<>(previous.lots);
        Lot replaced = changed == null ? this.lots.remove(id.value()) : this.lots.put(id.value(), changed);
        this.lotIndex = lotIndex(this.lots.values());
        Map<BayId, BayPlace> bayMap = new HashMap<>(previous.bays);
        Map<GateId, LotId> gateMap = new HashMap<>(previous.gates);
        if (replaced != null) {
            replaced.findIndoorModel().ifPresent(model -> model.bays().forEach(bay -> bayMap.remove(bay.id())));
            replaced.gates().forEach(gate -> gateMap.remove(gate.id()));
        }
        if (changed != null) {
            addLotBays(bayMap, changed);
            changed.gates().forEach(gate -> gateMap.put(gate.id(), changed.id()));
        }
        this.bays = Collections.unmodifiableMap(bayMap);
        this.gates = Collections.unmodifiableMap(gateMap);
        this.districts = summarise(this.districtList, this.lots.values(), this.segments.values());
    }

    /**
     * This snapshot with {@code lot} added, or replacing the lot with the same id (copy-on-write: this snapshot is
     * not changed).
     */
    public RegistrySnapshot withLot(Lot lot) {
        return new RegistrySnapshot(this, lot.id(), lot);
    }

    /** This snapshot without lot {@code id} (copy-on-write); this one if it has no such lot. */
    public RegistrySnapshot withoutLot(LotId id) {
        return lots.containsKey(id.value()) ? new RegistrySnapshot(this, id, null) : this;
    }

    private static void addLotBays(Map<BayId, BayPlace> bayMap, Lot lot) {
        if (lot.indoorModel() != null) {
            lot.indoorModel().bays().forEach(bay ->
                    bayMap.put(bay.id(), new BayPlace(bay, Optional.of(lot.id()), Optional.empty())));
        }
    }

    private static STRtree lotIndex(Iterable<Lot> lots) {
        STRtree index = new STRtree();
        lots.forEach(lot -> index.insert(new Envelope(lot.point().asJtsCoordinate()), lot));
        index.build();
        return index;
    }

    private static PreparedGeometry cityArea(List<District> districts) {
        if (districts.isEmpty()) {
            return null;
        }
        List<Geometry> areas = districts.stream().map(District::area).toList();
        return PreparedGeometryFactory.prepare(CascadedPolygonUnion.union(areas));
    }

    private static List<DistrictSummary> summarise(List<District> districts, Iterable<Lot> lots,
            Iterable<Segment> segments) {
        Map<String, int[]> counts = new HashMap<>();
        Map<String, long[]> spaces = new HashMap<>();
        for (District district : districts) {
            counts.put(district.code(), new int[2]);
            spaces.put(district.code(), new long[2]);
        }
        for (Lot lot : lots) {
            int[] c = counts.get(lot.districtCode());
            if (c != null) {
                c[0]++;
                spaces.get(lot.districtCode())[1] += lot.capacity().total();
            }
        }
        for (Segment segment : segments) {
            int[] c = counts.get(segment.districtCode());
            if (c != null) {
                c[1]++;
                spaces.get(segment.districtCode())[0] += segment.bays().size();
            }
        }
        List<DistrictSummary> summaries = new ArrayList<>();
        for (District district : districts) {
            int[] c = counts.get(district.code());
            long[] s = spaces.get(district.code());
            summaries.add(new DistrictSummary(district, c[0], c[1], s[0], s[1]));
        }
        return List.copyOf(summaries);
    }

    public Optional<Lot> findLot(LotId id) {
        return Optional.ofNullable(lots.get(id.value()));
    }

    public Optional<Segment> findSegment(SegmentId id) {
        return Optional.ofNullable(segments.get(id.value()));
    }

    public Optional<BayPlace> findBay(BayId id) {
        return Optional.ofNullable(bays.get(id));
    }

    /** The lot a gate belongs to (gate ids are city-unique). */
    public Optional<LotId> findGateLot(GateId id) {
        return Optional.ofNullable(gates.get(id));
    }

    public Optional<Operator> findOperator(OperatorId id) {
        return Optional.ofNullable(operators.get(id));
    }

    public Optional<GuidanceScreen> findScreen(String id) {
        return Optional.ofNullable(screens.get(id));
    }

    public Optional<District> findDistrict(String code) {
        return Optional.ofNullable(districtsByCode.get(code));
    }

    public Optional<DistrictSummary> findDistrictSummary(String code) {
        return districts.stream().filter(d -> d.district().code().equals(code)).findFirst();
    }

    /**
     * Whether {@code geometry} lies inside the city, i.e. inside the union of the district areas (the generated,
     * approximate areas for the committed city). An empty registry has no area and contains nothing.
     */
    public boolean cityCovers(Geometry geometry) {
        return cityArea != null && cityArea.covers(geometry);
    }

    /** Every district with its counts, in code order. */
    public List<DistrictSummary> listDistricts() {
        return districts;
    }

    /** All operators, in registry order. */
    public List<Operator> listOperators() {
        return List.copyOf(operators.values());
    }

    public int lotCount() {
        return lots.size();
    }

    public int segmentCount() {
        return segments.size();
    }

    public int bayCount() {
        return bays.size();
    }

    public long totalSpaces() {
        return districts.stream().mapToLong(DistrictSummary::totalSpaces).sum();
    }

    /** All lots of one operator, in id order. */
    public List<Lot> listLotsOf(OperatorId operator) {
        return lots.values().stream().filter(l -> l.operator().equals(operator)).toList();
    }

    /** All segments of one operator, in id order. */
    public List<Segment> listSegmentsOf(OperatorId operator) {
        return segments.values().stream().filter(s -> s.operator().equals(operator)).toList();
    }

    /**
     * Lots in id order after {@code afterId} (exclusive; null for the first page), optionally only those whose point
     * lies in {@code box}, matching {@code filter}; at most {@code limit}.
     */
    public List<Lot> listLots(Envelope box, Predicate<Lot> filter, String afterId, int limit) {
        Iterable<Lot> candidates;
        if (box == null) {
            candidates = afterId == null ? lots.values() : lots.tailMap(afterId, false).values();
        }
        else {
            @SuppressWarnings("unchecked")
            List<Lot> inBox = new ArrayList<>(lotIndex.query(box));
            inBox.removeIf(l -> !box.contains(l.point().asJtsCoordinate())
                    || (afterId != null && l.id().value().compareTo(afterId) <= 0));
            inBox.sort(Comparator.comparing(l -> l.id().value()));
            candidates = inBox;
        }
        return page(candidates, filter, limit);
    }

    /**
     * Segments in id order after {@code afterId} (exclusive; null for the first page), optionally only those whose
     * line's bounding box intersects {@code box}, matching {@code filter}; at most {@code limit}.
     */
    public List<Segment> listSegments(Envelope box, Predicate<Segment> filter, String afterId, int limit) {
        Iterable<Segment> candidates;
        if (box == null) {
            candidates = afterId == null ? segments.values() : segments.tailMap(afterId, false).values();
        }
        else {
            @SuppressWarnings("unchecked")
            List<Segment> inBox = new ArrayList<>(segmentIndex.query(box));
            inBox.removeIf(s -> afterId != null && s.id().value().compareTo(afterId) <= 0);
            inBox.sort(Comparator.comparing(s -> s.id().value()));
            candidates = inBox;
        }
        return page(candidates, filter, limit);
    }

    private static <T> List<T> page(Iterable<T> candidates, Predicate<T> filter, int limit) {
        List<T> page = new ArrayList<>(Math.min(limit, 1024));
        for (T candidate : candidates) {
            if (filter.test(candidate)) {
                page.add(candidate);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        return page;
    }

    /** Segments whose line's bounding box intersects {@code box}. */
    @SuppressWarnings("unchecked")
    public List<Segment> listSegmentsIntersecting(Envelope box) {
        return List.copyOf(segmentIndex.query(box));
    }
}
