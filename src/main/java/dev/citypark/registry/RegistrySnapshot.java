package dev.citypark.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

import dev.citypark.core.BayId;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SegmentId;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One immutable, internally consistent view of the whole registry with its spatial index (JTS {@link STRtree} over
 * lot points and segment envelopes). Readers take the current snapshot and never see a half-applied change: a
 * registry change builds a new snapshot and swaps it in ({@link Registry}). Thread-safe because nothing in it
 * changes after construction (the STRtree is built eagerly).
 */
public final class RegistrySnapshot {

    static final RegistrySnapshot EMPTY = new RegistrySnapshot(List.of(), List.of(), List.of(), List.of(), List.of());

    private final Map<OperatorId, Operator> operators;
    private final List<DistrictSummary> districts;
    private final TreeMap<String, Lot> lots;
    private final Map<SegmentId, Segment> segments;
    private final Map<BayId, BayPlace> bays;
    private final Map<String, GuidanceScreen> screens;
    private final STRtree lotIndex = new STRtree();
    private final STRtree segmentIndex = new STRtree();

    public RegistrySnapshot(List<Operator> operators, List<District> districts, List<Lot> lots,
            List<Segment> segments, List<GuidanceScreen> screens) {
        Map<OperatorId, Operator> operatorMap = new LinkedHashMap<>();
        operators.forEach(o -> operatorMap.put(o.id(), o));
        this.operators = Collections.unmodifiableMap(operatorMap);
        this.lots = new TreeMap<>();
        Map<BayId, BayPlace> bayMap = new java.util.HashMap<>();
        for (Lot lot : lots) {
            this.lots.put(lot.id().value(), lot);
            lotIndex.insert(new Envelope(lot.point().asJtsCoordinate()), lot);
            if (lot.indoorModel() != null) {
                lot.indoorModel().bays().forEach(bay ->
                        bayMap.put(bay.id(), new BayPlace(bay, Optional.of(lot.id()), Optional.empty())));
            }
        }
        Map<SegmentId, Segment> segmentMap = new LinkedHashMap<>();
        for (Segment segment : segments) {
            segmentMap.put(segment.id(), segment);
            segmentIndex.insert(segment.geometry().getEnvelopeInternal(), segment);
            segment.bays().forEach(bay ->
                    bayMap.put(bay.id(), new BayPlace(bay, Optional.empty(), Optional.of(segment.id()))));
        }
        this.segments = Collections.unmodifiableMap(segmentMap);
        this.bays = Collections.unmodifiableMap(bayMap);
        Map<String, GuidanceScreen> screenMap = new LinkedHashMap<>();
        screens.forEach(s -> screenMap.put(s.id(), s));
        this.screens = Collections.unmodifiableMap(screenMap);
        this.districts = summarise(districts, lots, segments);
        lotIndex.build();
        segmentIndex.build();
    }

    private static List<DistrictSummary> summarise(List<District> districts, List<Lot> lots, List<Segment> segments) {
        List<DistrictSummary> summaries = new ArrayList<>();
        for (District district : districts.stream().sorted(Comparator.comparing(District::code)).toList()) {
            int lotCount = 0;
            long offStreet = 0;
            for (Lot lot : lots) {
                if (lot.districtCode().equals(district.code())) {
                    lotCount++;
                    offStreet += lot.capacity().total();
                }
            }
            int segmentCount = 0;
            long onStreet = 0;
            for (Segment segment : segments) {
                if (segment.districtCode().equals(district.code())) {
                    segmentCount++;
                    onStreet += segment.bays().size();
                }
            }
            summaries.add(new DistrictSummary(district, lotCount, segmentCount, onStreet, offStreet));
        }
        return List.copyOf(summaries);
    }

    public Optional<Lot> findLot(LotId id) {
        return Optional.ofNullable(lots.get(id.value()));
    }

    public Optional<Segment> findSegment(SegmentId id) {
        return Optional.ofNullable(segments.get(id));
    }

    public Optional<BayPlace> findBay(BayId id) {
        return Optional.ofNullable(bays.get(id));
    }

    public Optional<Operator> findOperator(OperatorId id) {
        return Optional.ofNullable(operators.get(id));
    }

    public Optional<GuidanceScreen> findScreen(String id) {
        return Optional.ofNullable(screens.get(id));
    }

    public List<DistrictSummary> listDistricts() {
        return districts;
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
        List<Lot> page = new ArrayList<>(Math.min(limit, 1024));
        for (Lot lot : candidates) {
            if (filter.test(lot)) {
                page.add(lot);
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
