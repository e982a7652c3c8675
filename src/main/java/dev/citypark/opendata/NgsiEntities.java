package dev.citypark.opendata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.core.GeoPoint;
import dev.citypark.registry.Bay;
import dev.citypark.registry.Capacity;
import dev.citypark.registry.Floor;
import dev.citypark.registry.IndoorModel;
import dev.citypark.registry.Lot;
import dev.citypark.registry.LotType;
import dev.citypark.registry.Operator;
import dev.citypark.registry.Segment;
import dev.citypark.registry.SpaceCategory;
import org.locationtech.jts.geom.Coordinate;

/**
 * Maps registry places to FIWARE Smart Data Models entities ({@code dataModel.Parking}) in key-values form: ordered
 * JSON objects of plain values. Only attributes the registry or the live values really know are written; live
 * attributes ({@code availableSpotNumber}, {@code occupiedSpotNumber}, {@code occupancy}, {@code status},
 * {@code occupancyModified}) are left out when the place has no fresh live value, except {@code ParkingSpot.status},
 * which the schema requires and which is then {@code "unknown"}. Nothing personal is read.
 */
final class NgsiEntities {

    /** Who harmonised the data (GSMA-Commons {@code dataProvider}). */
    static final String DATA_PROVIDER = "citypark";

    /** Live attributes: in normalized form they carry {@code observedAt}. */
    static final List<String> LIVE_ATTRIBUTES = List.of("availableSpotNumber", "occupiedSpotNumber", "occupancy",
            "status", "occupancyModified");

    private final CityIndex city;

    NgsiEntities(CityIndex city) {
        this.city = city;
    }

    /** The NGSI-LD id of an operator as an owner reference. */
    static String ownerUrn(Operator operator) {
        return "urn:ngsi-ld:Organization:" + operator.id().value();
    }

    Map<String, Object> offStreet(Lot lot, LiveValue live) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", NgsiType.OFF_STREET_PARKING.urn(lot.id().value()));
        e.put("type", NgsiType.OFF_STREET_PARKING.ngsiName());
        e.put("name", lot.name());
        e.put("alternateName", lot.nameEn());
        e.put("parkingSiteId", lot.id().value());
        e.put("location", point(lot.point()));
        e.put("address", address(lot.address(), lot.districtCode()));
        e.put("category", lotCategories(lot));
        e.put("allowedVehicleType", vehicleTypes(lot.capacity()));
        e.put("requiredPermit", List.of());
        e.put("layout", layout(lot));
        if (lot.parkAndRide()) {
            e.put("usageScenario", List.of("parkAndRide"));
        }
        if (!lot.gates().isEmpty()) {
            e.put("occupancyDetectionType", List.of("balancing"));
        }
        lot.findIndoorModel().ifPresent(model -> {
            e.put("lowestFloor", model.floors().stream().mapToInt(Floor::level).min().orElseThrow());
            e.put("highestFloor", model.floors().stream().mapToInt(Floor::level).max().orElseThrow());
        });
        e.put("openingHours", city.openingHoursOf(lot).schemaOrg());
        int total = lot.capacity().total();
        e.put("totalSpotNumber", total);
        if (live != null) {
            int free = Math.min(live.free(), total);
            int occupied = Math.min(live.occupied(), total);
            if (live.status() != LiveStatus.CLOSED) {
                e.put("availableSpotNumber", free);
                e.put("occupiedSpotNumber", occupied);
                e.put("occupancy", ratio(occupied, total));
            }
            e.put("status", List.of(switch (live.status()) {
                case SPACES_AVAILABLE -> "spacesAvailable";
                case ALMOST_FULL -> "almostFull";
                case FULL -> "full";
                case CLOSED -> "closed";
            }));
            e.put("occupancyModified", time(live.updatedAt()));
        }
        operator(lot.operator()).ifPresent(op -> {
            Map<String, Object> provider = new LinkedHashMap<>();
            provider.put("name", op.name());
            provider.put("identifier", op.id().value());
            e.put("provider", provider);
            e.put("owner", List.of(ownerUrn(op)));
        });
        e.put("dataProvider", DATA_PROVIDER);
        e.put("dateModified", time(modified(live)));
        return e;
    }

    Map<String, Object> onStreet(Segment segment, LiveValue live) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", NgsiType.ON_STREET_PARKING.urn(segment.id().value()));
        e.put("type", NgsiType.ON_STREET_PARKING.ngsiName());
        e.put("name", segment.roadName());
        e.put("parkingSiteId", segment.id().value());
        e.put("description", segmentDescription(segment));
        e.put("location", lineString(segment));
        e.put("address", address(segment.roadName(), segment.districtCode()));
        Capacity capacity = segment.capacity();
        boolean free = segment.restrictions().findPaidHours().isEmpty();
        List<String> category = new ArrayList<>();
        category.add("public");
        category.add(free ? "free" : "feeCharged");
        if (segment.restrictions().findMaxStay().isPresent()) {
            category.add("shortTerm");
        }
        if (capacity.count(SpaceCategory.DISABLED) > 0) {
            category.add("forDisabled");
        }
        if (capacity.count(SpaceCategory.EV_CHARGING) > 0) {
            category.add("forElectricalCharging");
        }
        e.put("category", category);
        e.put("allowedVehicleType", vehicleTypes(capacity));
        if (free) {
            e.put("chargeType", List.of("free"));
        }
        e.put("requiredPermit", List.of());
        segment.restrictions().findMaxStay().ifPresent(d -> e.put("maximumParkingDuration", d.toString()));
        e.put("areBordersMarked", true);
        int total = capacity.total();
        e.put("totalSpotNumber", total);
        if (live != null && live.status() != LiveStatus.CLOSED) {
            e.put("availableSpotNumber", Math.min(live.free(), total));
            e.put("occupiedSpotNumber", Math.min(live.occupied(), total));
        }
        if (live != null) {
            e.put("occupancyModified", time(live.updatedAt()));
        }
        e.put("refParkingSpot", segment.bays().stream().map(b -> NgsiType.PARKING_SPOT.urn(b.id().value()))
                .toList());
        operator(segment.operator()).ifPresent(op -> e.put("owner", List.of(ownerUrn(op))));
        e.put("dataProvider", DATA_PROVIDER);
        e.put("dateModified", time(modified(live)));
        return e;
    }

    Map<String, Object> spot(CityIndex.BayEntry entry, LiveValue live) {
        Bay bay = entry.bay();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", NgsiType.PARKING_SPOT.urn(bay.id().value()));
        e.put("type", NgsiType.PARKING_SPOT.ngsiName());
        e.put("name", bay.id().value());
        String description = spotDescription(entry);
        if (!description.isEmpty()) {
            e.put("description", description);
        }
        e.put("location", point(bay.point()));
        e.put("category", List.of(entry.lot() != null ? "offStreet" : "onStreet"));
        e.put("refParkingSite", entry.siteType().urn(entry.placeId()));
        e.put("status", live == null ? "unknown"
                : live.status() == LiveStatus.CLOSED ? "closed"
                : live.free() > 0 ? "free" : "occupied");
        operator(entry.lot() != null ? entry.lot().operator() : entry.segment().operator())
                .ifPresent(op -> e.put("owner", List.of(ownerUrn(op))));
        e.put("dataProvider", DATA_PROVIDER);
        e.put("dateModified", time(modified(live)));
        return e;
    }

    private java.util.Optional<Operator> operator(dev.citypark.core.OperatorId id) {
        return city.findOperator(id);
    }

    private Instant modified(LiveValue live) {
        Instant staticTime = city.builtAt();
        return live != null && live.updatedAt().isAfter(staticTime) ? live.updatedAt() : staticTime;
    }

    private Map<String, Object> address(String streetAddress, String districtCode) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("streetAddress", streetAddress);
        city.findDistrictName(districtCode).ifPresent(name -> address.put("district", name));
        address.put("addressCountry", "CN");
        return address;
    }

    private static List<String> lotCategories(Lot lot) {
        List<String> category = new ArrayList<>();
        category.add("public");
        category.add("feeCharged");
        category.add(lot.type() == LotType.SURFACE ? "parkingLot" : "parkingGarage");
        if (lot.type() == LotType.UNDERGROUND) {
            category.add("underground");
        }
        if (!lot.gates().isEmpty()) {
            category.add("barrierAccess");
        }
        if (lot.parkAndRide()) {
            category.add("urbanDeterrentParking");
        }
        if (lot.capacity().count(SpaceCategory.DISABLED) > 0) {
            category.add("forDisabled");
        }
        if (lot.capacity().count(SpaceCategory.EV_CHARGING) > 0) {
            category.add("forElectricalCharging");
        }
        return category;
    }

    private static List<String> layout(Lot lot) {
        List<String> layout = new ArrayList<>();
        switch (lot.type()) {
            case SURFACE -> layout.add("surface");
            case MULTI_STOREY -> layout.add("multiStorey");
            case UNDERGROUND -> layout.add("covered");
        }
        IndoorModel model = lot.indoorModel();
        if (model != null) {
            layout.add(model.floors().size() > 1 ? "multiLevel" : "singleLevel");
        }
        return layout;
    }

    /** Cars always; vans too where there are large-vehicle spaces. */
    private static List<String> vehicleTypes(Capacity capacity) {
        return capacity.count(SpaceCategory.LARGE) > 0 ? List.of("car", "van") : List.of("car");
    }

    private static String segmentDescription(Segment segment) {
        StringBuilder text = new StringBuilder("On-street parking on ").append(segment.roadName()).append(": ");
        text.append(segment.restrictions().findPaidHours().map(h -> "paid " + h).orElse("free at all times"));
        segment.restrictions().findMaxStay().ifPresent(d -> text.append("; maximum stay ").append(d));
        return text.toString();
    }

    private static String spotDescription(CityIndex.BayEntry entry) {
        List<String> parts = new ArrayList<>();
        if (entry.floor() != null) {
            parts.add("floor " + entry.floor().name());
        }
        if (entry.zone() != null) {
            parts.add("zone " + entry.zone().name());
        }
        switch (entry.bay().category()) {
            case GENERAL -> { }
            case EV_CHARGING -> parts.add("EV charging");
            case DISABLED -> parts.add("reserved for disabled drivers");
            case LARGE -> parts.add("large vehicles");
            case NEV -> parts.add("new-energy vehicles only");
        }
        return String.join(", ", parts);
    }

    static Map<String, Object> point(GeoPoint point) {
        Map<String, Object> geo = new LinkedHashMap<>();
        geo.put("type", "Point");
        geo.put("coordinates", List.of(point.lon(), point.lat()));
        return geo;
    }

    private static Map<String, Object> lineString(Segment segment) {
        List<List<Double>> coordinates = new ArrayList<>();
        for (Coordinate c : segment.geometry().getCoordinates()) {
            coordinates.add(List.of(c.x, c.y));
        }
        Map<String, Object> geo = new LinkedHashMap<>();
        geo.put("type", "LineString");
        geo.put("coordinates", coordinates);
        return geo;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : Math.round(Math.min(1.0, (double) part / whole) * 10_000) / 10_000.0;
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
