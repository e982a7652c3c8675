package dev.citypark.availability;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.citypark.core.BayId;
import dev.citypark.core.LotId;
import dev.citypark.core.SegmentId;
import org.locationtech.jts.geom.Envelope;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live availability as other modules read it (search, open data, analytics, guidance). Thread-safe; every read is
 * non-blocking and goes to Redis at most once (many places: one pipelined round trip). Freshness is applied at read
 * time: a bay without a report for the bay stale time (default 15 min) or a lot count older than the lot stale time
 * (default 30 min) is {@code UNKNOWN} and never counted as free.
 */
public interface Availability {

    /** One lot; {@code NotFoundException} if the registry has no such lot. */
    Mono<PlaceAvailability> forLot(LotId lot);

    /** One segment; {@code NotFoundException} if the registry has no such segment. */
    Mono<PlaceAvailability> forSegment(SegmentId segment);

    /** One bay; {@code NotFoundException} if the registry has no such bay. */
    Mono<BayAvailability> forBay(BayId bay);

    /**
     * Many bays in one pipelined Redis round trip (one {@code HMGET} per place holding them: a bay is a field of its
     * segment's or garage's hash). Bays the registry does not know are left out; a bay never reported is
     * {@code UNKNOWN}. The map iterates in the order of {@code bays}.
     */
    Mono<Map<BayId, BayAvailability>> forBays(Collection<BayId> bays);

    /**
     * Many lots and segments by id in one pipelined Redis round trip. Ids the registry does not know are left out of
     * the map; the map iterates in the order of {@code placeIds}.
     */
    Mono<Map<String, PlaceAvailability>> forPlaces(Collection<String> placeIds);

    /**
     * Every lot (by its point) and segment (by its line's bounding box) in a WGS-84 box, lots first then segments,
     * each in id order; one pipelined round trip.
     *
     * @throws dev.citypark.core.InvalidValueException (field {@code bbox}) when the box holds more places than the
     *                                                 configured limit
     */
    Mono<List<PlaceAvailability>> inBox(Envelope wgs84Box);

    /**
     * The hot stream of changes of every place, fanned out in-process from one Redis subscription per instance and
     * coalesced to at most one change per place per second. Subscribers that cannot keep up lose changes rather than
     * slowing others down; subscribe, then read a snapshot, to start consistent.
     */
    Flux<AvailabilityChange> changes();
}
