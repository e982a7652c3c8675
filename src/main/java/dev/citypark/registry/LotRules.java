package dev.citypark.registry;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.citypark.core.BayId;
import dev.citypark.core.GeoPoint;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * What a lot must satisfy to join the city, beyond what {@link Lot} checks on its own (valid footprint, point in
 * the footprint, unique gate ids, opening hours, capacities that match the indoor bays, bays in the footprint).
 * Each rule is named and tested alone; a failure is an {@link InvalidValueException} naming the GeoJSON field of the
 * operator's Feature ({@code geometry}, {@code properties.districtCode}, {@code properties.gates[1].point}, ...).
 */
final class LotRules {

    /** How far a gate may stand from the footprint (geodesic metres): on its edge, or across a pavement. */
    static final double MAX_GATE_DISTANCE_METRES = 30;

    /** One named check of a candidate lot against the current city. */
    interface LotRule {

        String name();

        /** @throws InvalidValueException naming the offending field */
        void check(Lot lot, RegistrySnapshot city);
    }

    private final List<LotRule> rules;

    LotRules(Predicate<String> knownTariff) {
        this.rules = List.of(knownOperator(), knownDistrict(), knownTariff(knownTariff), insideCity(),
                gatesNearFootprint(), gateIdsUniqueInCity(), bayIdsUniqueInCity());
    }

    List<LotRule> rules() {
        return rules;
    }

    void check(Lot lot, RegistrySnapshot city) {
        rules.forEach(rule -> rule.check(lot, city));
    }

    static LotRule knownOperator() {
        return rule("known operator", (lot, city) -> {
            if (city.findOperator(lot.operator()).isEmpty()) {
                throw new InvalidValueException("properties.operator", "operator " + lot.operator()
                        + " is not registered");
            }
        });
    }

    static LotRule knownDistrict() {
        return rule("known district", (lot, city) -> {
            if (city.findDistrict(lot.districtCode()).isEmpty()) {
                throw new InvalidValueException("properties.districtCode", "unknown district code "
                        + lot.districtCode() + "; GET /api/v1/districts lists the city's districts");
            }
        });
    }

    static LotRule knownTariff(Predicate<String> knownTariff) {
        return rule("known tariff", (lot, city) -> {
            if (!knownTariff.test(lot.tariffId())) {
                throw new InvalidValueException("properties.tariffId", "unknown tariff " + lot.tariffId()
                        + "; GET /api/v1/tariffs lists them");
            }
        });
    }

    /** The footprint (and so the point and every indoor bay) lies inside the union of the district areas. */
    static LotRule insideCity() {
        return rule("inside the city", (lot, city) -> {
            if (!city.cityCovers(lot.footprint())) {
                throw new InvalidValueException("geometry", "the footprint lies outside the city (the union of "
                        + "its district areas)");
            }
        });
    }

    static LotRule gatesNearFootprint() {
        return rule("gates near the footprint", (lot, city) -> {
            for (int i = 0; i < lot.gates().size(); i++) {
                Gate gate = lot.gates().get(i);
                Coordinate nearest = DistanceOp.nearestPoints(lot.footprint(), Wgs84Geometry.point(gate.point()))[0];
                double metres = GeoPoint.fromJts(nearest).distanceMetresTo(gate.point());
                if (metres > MAX_GATE_DISTANCE_METRES) {
                    throw new InvalidValueException("properties.gates[" + i + "].point", "gate " + gate.id()
                            + " stands " + Math.round(metres) + " m from the footprint; at most "
                            + (int) MAX_GATE_DISTANCE_METRES + " m are allowed");
                }
            }
        });
    }

    static LotRule gateIdsUniqueInCity() {
        return rule("gate ids unique in the city", (lot, city) -> {
            for (int i = 0; i < lot.gates().size(); i++) {
                Optional<LotId> owner = city.findGateLot(lot.gates().get(i).id());
                if (owner.isPresent() && !owner.get().equals(lot.id())) {
                    throw new InvalidValueException("properties.gates[" + i + "].id", "gate id "
                            + lot.gates().get(i).id() + " is already used by lot " + owner.get());
                }
            }
        });
    }

    /** Indoor bay ids are not used by another lot or by a street segment (ids are unique within a lot already). */
    static LotRule bayIdsUniqueInCity() {
        return rule("bay ids unique in the city", (lot, city) -> {
            if (lot.indoorModel() == null) {
                return;
            }
            List<Bay> bays = lot.indoorModel().bays();
            for (int i = 0; i < bays.size(); i++) {
                BayId id = bays.get(i).id();
                Optional<BayPlace> place = city.findBay(id);
                if (place.isPresent() && !place.get().lot().equals(Optional.of(lot.id()))) {
                    String owner = place.get().lot().map(l -> "lot " + l)
                            .orElseGet(() -> "street segment " + place.get().segment().orElseThrow());
                    throw new InvalidValueException("properties.indoor.bays[" + i + "].id", "bay id " + id
                            + " is already used by " + owner);
                }
            }
        });
    }

    private static LotRule rule(String name, java.util.function.BiConsumer<Lot, RegistrySnapshot> check) {
        return new LotRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void check(Lot lot, RegistrySnapshot city) {
                check.accept(lot, city);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
