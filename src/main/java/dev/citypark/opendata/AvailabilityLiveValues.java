package dev.citypark.opendata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.citypark.availability.Availability;
import dev.citypark.availability.BayAvailability;
import dev.citypark.availability.BayState;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.core.BayId;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The production {@link LiveValues}: an adapter over {@link Availability}. Lots and segments are read with
 * {@link Availability#forPlaces}, the ids it does not know as places are read as bays with
 * {@link Availability#forBays} (a page holds one kind of entity, so a page costs one pipelined round trip). Only
 * fresh values are returned: a place whose status is {@code UNKNOWN} (stale or never reported) and a bay whose state is
 * unknown are left out, and the exports publish them as unknown.
 */
@Component
class AvailabilityLiveValues implements LiveValues {

    private final Availability availability;

    AvailabilityLiveValues(Availability availability) {
        this.availability = availability;
    }

    @Override
    public Mono<Map<String, LiveValue>> forPlaces(Collection<String> placeIds) {
        return availability.forPlaces(placeIds).flatMap(places -> {
            Map<String, LiveValue> values = new LinkedHashMap<>();
            places.forEach((id, place) -> {
                LiveValue value = toLiveValue(place);
                if (value != null) {
                    values.put(id, value);
                }
            });
            List<BayId> bays = new ArrayList<>();
            for (String id : placeIds) {
                if (!places.containsKey(id) && isBayId(id)) {
                    bays.add(BayId.of(id));
                }
            }
            if (bays.isEmpty()) {
                return Mono.just(values);
            }
            return availability.forBays(bays).map(states -> {
                states.forEach((id, bay) -> {
                    LiveValue value = toLiveValue(bay);
                    if (value != null) {
                        values.put(id.value(), value);
                    }
                });
                return values;
            });
        });
    }

    static LiveValue toLiveValue(PlaceAvailability place) {
        if (place.updatedAt() == null) {
            return null;
        }
        LiveStatus status = switch (place.status()) {
            case OPEN -> LiveStatus.SPACES_AVAILABLE;
            case ALMOST_FULL -> LiveStatus.ALMOST_FULL;
            case FULL -> LiveStatus.FULL;
            case CLOSED -> LiveStatus.CLOSED;
            case UNKNOWN -> null;
        };
        return status == null ? null : new LiveValue(place.free(), place.occupied(), status, place.updatedAt());
    }

    static LiveValue toLiveValue(BayAvailability bay) {
        if (bay.state() == BayState.UNKNOWN || bay.observedAt() == null) {
            return null;
        }
        return LiveValue.bay(bay.state() == BayState.FREE, bay.observedAt());
    }

    private static boolean isBayId(String id) {
        try {
            BayId.of(id);
            return true;
        }
        catch (RuntimeException e) {
            return false;
        }
    }
}
