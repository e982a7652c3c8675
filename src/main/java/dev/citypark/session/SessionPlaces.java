package dev.citypark.session;

import java.util.Optional;

import dev.citypark.billing.TariffId;
import dev.citypark.core.BayId;
import dev.citypark.core.DistrictCode;
import dev.citypark.core.ForbiddenException;
import dev.citypark.core.GateId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.NotFoundException;
import dev.citypark.core.OperatorId;
import dev.citypark.registry.Bay;
import dev.citypark.registry.BayPlace;
import dev.citypark.registry.Gate;
import dev.citypark.registry.GateKind;
import dev.citypark.registry.Lot;
import dev.citypark.registry.Registry;
import dev.citypark.registry.Segment;
import org.springframework.stereotype.Component;

/**
 * Resolves the lot, gate and bay of an event against the registry snapshot and checks that they belong to the
 * operator who sent it. Lock-free reads of the immutable snapshot.
 */
@Component
class SessionPlaces {

    private final Registry registry;

    SessionPlaces(Registry registry) {
        this.registry = registry;
    }

    /** A lot's gate, checked: the lot exists and is the caller's, the gate is the lot's and passes that way. */
    LotGate lotGate(OperatorId caller, GateEvent event) {
        Lot lot = registry.snapshot().findLot(event.lot())
                .orElseThrow(() -> new NotFoundException("lot", event.lot().value()));
        if (!lot.operator().equals(caller)) {
            throw new ForbiddenException("lot " + lot.id() + " is run by another operator");
        }
        Gate gate = lot.gates().stream().filter(g -> g.id().equals(event.gate())).findFirst()
                .orElseThrow(() -> new NotFoundException("gate", event.gate().value()));
        boolean passes = gate.kind() == GateKind.BOTH
                || (gate.kind() == GateKind.ENTRY && event.direction() == Direction.ENTRY)
                || (gate.kind() == GateKind.EXIT && event.direction() == Direction.EXIT);
        if (!passes) {
            throw new InvalidValueException("direction", "gate " + gate.id() + " is an " + gate.kind()
                    + " gate; it cannot report an " + event.direction());
        }
        Optional<Bay> bay = Optional.empty();
        if (event.bay().isPresent()) {
            BayPlace place = registry.snapshot().findBay(event.bay().get())
                    .filter(p -> p.lot().filter(lot.id()::equals).isPresent())
                    .orElseThrow(() -> new InvalidValueException("bayId", "bay " + event.bay().get().value()
                            + " is not a bay of lot " + lot.id()));
            bay = Optional.of(place.bay());
        }
        Place place = new Place(PlaceKind.LOT, lot.id().value(), lot.operator(), DistrictCode.of(lot.districtCode()),
                TariffId.of(lot.tariffId()));
        return new LotGate(place, gate.id(), bay);
    }

    /** An on-street bay, checked: it exists, is on a segment, and the segment is the caller's. */
    StreetBay streetBay(OperatorId caller, BayId bayId) {
        BayPlace bayPlace = registry.snapshot().findBay(bayId)
                .orElseThrow(() -> new NotFoundException("bay", bayId.value()));
        if (bayPlace.segment().isEmpty()) {
            throw new InvalidValueException("bayId", "bay " + bayId.value()
                    + " is inside a lot; report it with a gate event");
        }
        Segment segment = registry.snapshot().findSegment(bayPlace.segment().get())
                .orElseThrow(() -> new NotFoundException("segment", bayPlace.segment().get().value()));
        if (!segment.operator().equals(caller)) {
            throw new ForbiddenException("bay " + bayId.value() + " is run by another operator");
        }
        Place place = new Place(PlaceKind.SEGMENT, segment.id().value(), segment.operator(),
                DistrictCode.of(segment.districtCode()), TariffId.of(segment.tariffId()));
        return new StreetBay(place, bayPlace.bay());
    }

    record LotGate(Place place, GateId gate, Optional<Bay> bay) {
    }

    record StreetBay(Place place, Bay bay) {
    }
}
