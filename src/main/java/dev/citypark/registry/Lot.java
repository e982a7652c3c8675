package dev.citypark.registry;

import dev.citypark.core.GateId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import org.locationtech.jts.geom.Polygon;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An off-street car park (surface lot, multi-storey or underground garage) of any operator.
 * <p>
 * Validated on construction; failures name the field as in the GeoJSON properties ({@code footprint} is the
 * feature geometry): the footprint is a valid WGS-84 polygon that covers {@link #point}; gate ids are unique; the
 * opening hours parse as OSM {@code opening_hours}; the capacity has at least one space; with an indoor model,
 * every bay lies in the footprint and the capacity equals the bays counted per category. Lots without an indoor
 * model have capacity counts only, no per-bay records.
 *
 * @param id           city-unique lot id
 * @param operator     the operator running it
 * @param name         Chinese name, e.g. "香港中路地下停车库"
 * @param nameEn       pinyin/English name
 * @param address      postal address (Chinese)
 * @param districtCode six-digit code of the district it lies in, e.g. "370202"
 * @param point        representative point (for search and maps), inside the footprint
 * @param footprint    outline of the car park (WGS-84, lon/lat)
 * @param gates        vehicle gates
 * @param capacity     spaces per category
 * @param openingHours OSM opening_hours, e.g. "24/7"
 * @param tariffId     id of the tariff that prices parking here, e.g. "QD-T1-CORE"
 * @param type         surface, multi-storey or underground
 * @param parkAndRide  whether it is a park-and-ride lot (metro terminal, airport)
 * @param version      optimistic-locking version, &ge; 0
 * @param indoorModel  floors, bays and walk graph, or {@code null} when the lot has none
 */
public record Lot(LotId id, OperatorId operator, String name, String nameEn, String address, String districtCode,
                  GeoPoint point, Polygon footprint, List<Gate> gates, Capacity capacity, String openingHours,
                  String tariffId, LotType type, boolean parkAndRide, long version, IndoorModel indoorModel) {

    public Lot {
        Checks.require("id", id);
        Checks.require("operator", operator);
        name = Checks.text("name", name, 100);
        nameEn = Checks.text("nameEn", nameEn, 200);
        address = Checks.text("address", address, 200);
        Checks.districtCode("districtCode", districtCode);
        Checks.require("point", point);
        Wgs84Geometry.requireValid("footprint", footprint);
        if (!footprint.covers(Wgs84Geometry.point(point))) {
            throw new InvalidValueException("point", "lot point " + point + " must lie inside its footprint");
        }
        gates = Checks.list("gates", gates);
        Set<GateId> gateIds = new HashSet<>();
        for (int i = 0; i < gates.size(); i++) {
            if (!gateIds.add(gates.get(i).id())) {
                throw new InvalidValueException("gates[" + i + "].id", "duplicate gate id " + gates.get(i).id());
            }
        }
        Checks.require("capacity", capacity);
        if (capacity.total() < 1) {
            throw new InvalidValueException("capacity", "a lot needs at least one space");
        }
        openingHours = OpeningHoursSyntax.requireValid("openingHours", openingHours);
        Checks.localId("tariffId", tariffId);
        Checks.require("type", type);
        Checks.version(version);
        if (indoorModel != null) {
            checkIndoor(footprint, capacity, indoorModel);
        }
    }

    private static void checkIndoor(Polygon footprint, Capacity capacity, IndoorModel indoor) {
        Capacity counted = indoor.capacity();
        for (SpaceCategory category : SpaceCategory.values()) {
            if (capacity.count(category) != counted.count(category)) {
                throw new InvalidValueException("capacity." + category.name(), "capacity." + category.name()
                        + " is " + capacity.count(category) + " but the indoor model has "
                        + counted.count(category) + " " + category + " bays");
            }
        }
        List<Bay> bays = indoor.bays();
        for (int i = 0; i < bays.size(); i++) {
            if (!footprint.covers(Wgs84Geometry.point(bays.get(i).point()))) {
                throw new InvalidValueException("indoor.bays[" + i + "].point", "bay " + bays.get(i).id()
                        + " lies outside the lot footprint");
            }
        }
    }

    public Optional<IndoorModel> findIndoorModel() {
        return Optional.ofNullable(indoorModel);
    }

    /** The same lot with another version (after an update). */
    public Lot withVersion(long newVersion) {
        return new Lot(id, operator, name, nameEn, address, districtCode, point, footprint, gates, capacity,
                openingHours, tariffId, type, parkAndRide, newVersion, indoorModel);
    }
}
