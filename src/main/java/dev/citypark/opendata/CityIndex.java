package dev.citypark.opendata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.citypark.core.BayId;
import dev.citypark.core.LotId;
import dev.citypark.core.SegmentId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.DistrictSummary;
import dev.citypark.registry.Floor;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Operator;
import dev.citypark.registry.RegistrySnapshot;
import dev.citypark.registry.Segment;
import dev.citypark.registry.Zone;
import org.locationtech.jts.geom.Envelope;

/**
 * What open data needs from one {@link RegistrySnapshot}, indexed once: lots, segments and bays in id order (for
 * paging), district names, and the parsed opening hours of every lot. Immutable and thread-safe; built off the event
 * loop (sorting some 70,000 bays takes a moment) and cached per snapshot by {@link OpenData}.
 */
final class CityIndex {

    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    private final RegistrySnapshot snapshot;
    private final Instant builtAt;
    private final List<Lot> lots;
    private final List<Segment> segments;
    private final List<BayEntry> bays;
    private final Map<String, String> districtNames;
    private final Map<LotId, OpeningHours> openingHours;

    private CityIndex(RegistrySnapshot snapshot, Instant builtAt) {
        this.snapshot = snapshot;
        this.builtAt = builtAt;
        this.lots = List.copyOf(snapshot.listLots(null, lot -> true, null, Integer.MAX_VALUE));
        List<Segment> allSegments = new ArrayList<>(snapshot.listSegmentsIntersecting(WORLD));
        allSegments.sort(Comparator.comparing(s -> s.id().value()));
        this.segments = List.copyOf(allSegments);
        List<BayEntry> allBays = new ArrayList<>(snapshot.bayCount());
        Map<LotId, OpeningHours> hours = new HashMap<>();
        for (Lot lot : lots) {
            hours.put(lot.id(), OpeningHours.parse(lot.openingHours()));
            lot.findIndoorModel().ifPresent(model -> addIndoorBays(lot, model, allBays));
        }
        for (Segment segment : segments) {
            for (Bay bay : segment.bays()) {
                allBays.add(new BayEntry(bay, null, segment, null, null));
            }
        }
        allBays.sort(Comparator.comparing(b -> b.bay().id().value()));
        this.bays = Collections.unmodifiableList(allBays);
        this.openingHours = Map.copyOf(hours);
        Map<String, String> names = new HashMap<>();
        for (DistrictSummary summary : snapshot.listDistricts()) {
            names.put(summary.district().code(), summary.district().name());
        }
        this.districtNames = Map.copyOf(names);
    }

    static CityIndex of(RegistrySnapshot snapshot, Instant builtAt) {
        return new CityIndex(snapshot, builtAt);
    }

    private static void addIndoorBays(Lot lot, IndoorModel model, List<BayEntry> into) {
        Map<Integer, Floor> floors = new HashMap<>();
        model.floors().forEach(f -> floors.put(f.level(), f));
        Map<String, Zone> zones = new HashMap<>();
        model.zones().forEach(z -> zones.put(z.id(), z));
        for (Bay bay : model.bays()) {
            into.add(new BayEntry(bay, lot, null, floors.get(bay.floor()),
                    bay.zoneId() == null ? null : zones.get(bay.zoneId())));
        }
    }

    RegistrySnapshot snapshot() {
        return snapshot;
    }

    /** When this index was built: the version time of everything static published from it. */
    Instant builtAt() {
        return builtAt;
    }

    List<Lot> lots() {
        return lots;
    }

    List<Segment> segments() {
        return segments;
    }

    List<BayEntry> bays() {
        return bays;
    }

    int count(NgsiType type) {
        return switch (type) {
            case OFF_STREET_PARKING -> lots.size();
            case ON_STREET_PARKING -> segments.size();
            case PARKING_SPOT -> bays.size();
        };
    }

    Optional<Lot> findLot(String id) {
        return parse(() -> LotId.of(id)).flatMap(snapshot::findLot);
    }

    Optional<Segment> findSegment(String id) {
        return parse(() -> SegmentId.of(id)).flatMap(snapshot::findSegment);
    }

    Optional<BayEntry> findBay(String id) {
        return parse(() -> BayId.of(id)).flatMap(snapshot::findBay).map(place -> {
            if (place.lot().isPresent()) {
                Lot lot = snapshot.findLot(place.lot().get()).orElseThrow();
                IndoorModel model = lot.indoorModel();
                Bay bay = place.bay();
                Floor floor = model.floors().stream().filter(f -> f.level() == bay.floor()).findFirst()
                        .orElse(null);
                Zone zone = model.zones().stream().filter(z -> z.id().equals(bay.zoneId())).findFirst()
                        .orElse(null);
                return new BayEntry(bay, lot, null, floor, zone);
            }
            return new BayEntry(place.bay(), null, snapshot.findSegment(place.segment().get()).orElseThrow(), null,
                    null);
        });
    }

    private static <T> Optional<T> parse(java.util.function.Supplier<T> id) {
        try {
            return Optional.of(id.get());
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<Operator> findOperator(dev.citypark.core.OperatorId id) {
        return snapshot.findOperator(id);
    }

    Optional<String> findDistrictName(String code) {
        return Optional.ofNullable(districtNames.get(code));
    }

    OpeningHours openingHoursOf(Lot lot) {
        OpeningHours hours = openingHours.get(lot.id());
        return hours != null ? hours : OpeningHours.parse(lot.openingHours());
    }

    /**
     * An individually known bay with where it is: exactly one of {@code lot} (a garage bay, with its floor and
     * zone when known) or {@code segment} (an on-street bay).
     */
    record BayEntry(Bay bay, Lot lot, Segment segment, Floor floor, Zone zone) {

        String placeId() {
            return lot != null ? lot.id().value() : segment.id().value();
        }

        NgsiType siteType() {
            return lot != null ? NgsiType.OFF_STREET_PARKING : NgsiType.ON_STREET_PARKING;
        }
    }
}
