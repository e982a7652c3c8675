package dev.citypark.availability.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.citypark.availability.Availability;
import dev.citypark.availability.AvailabilityChange;
import dev.citypark.availability.AvailabilityProperties;
import dev.citypark.availability.PlaceAvailability;
import dev.citypark.availability.PlaceRef;
import dev.citypark.core.BayId;
import dev.citypark.core.Crs;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.SegmentId;
import io.swagger.v3.oas.annotations.Operation;
import org.locationtech.jts.geom.Envelope;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Public live availability: one place, a box, and the push stream of a box. */
@RestController
@RequestMapping("/api/v1/availability")
class AvailabilityController {

    /** Changes an SSE client may fall behind by before the oldest are dropped (a newer one for the place follows). */
    private static final int CLIENT_BUFFER = 4096;

    private final Availability availability;
    private final PlaceLocations locations;
    private final Duration heartbeat;
    private final int maxPlaces;

    AvailabilityController(Availability availability, PlaceLocations locations, AvailabilityProperties properties) {
        this.availability = availability;
        this.locations = locations;
        this.heartbeat = properties.heartbeat();
        this.maxPlaces = properties.maxPlacesPerQuery();
    }

    @GetMapping("/lots/{id}")
    @Operation(summary = "Live availability of a lot")
    Mono<PlaceView> lot(@PathVariable String id, @RequestParam(required = false) String crs) {
        Crs target = Crs.parseOrDefault(crs, Crs.WGS84);
        return Mono.defer(() -> availability.forLot(LotId.of(id))).map(place -> view(place, target));
    }

    @GetMapping("/segments/{id}")
    @Operation(summary = "Live availability of an on-street segment, counted from its bays")
    Mono<PlaceView> segment(@PathVariable String id, @RequestParam(required = false) String crs) {
        Crs target = Crs.parseOrDefault(crs, Crs.WGS84);
        return Mono.defer(() -> availability.forSegment(SegmentId.of(id))).map(place -> view(place, target));
    }

    @GetMapping("/bays/{id}")
    @Operation(summary = "Live state of one bay (on-street or in a garage)")
    Mono<PlaceView.BayView> bay(@PathVariable String id) {
        return Mono.defer(() -> availability.forBay(BayId.of(id))).map(PlaceView.BayView::of);
    }

    @GetMapping
    @Operation(summary = "Live availability of every lot and segment in a box (bbox=minLon,minLat,maxLon,maxLat), "
            + "one Redis round trip")
    Mono<BoxView> inBox(@RequestParam String bbox, @RequestParam(required = false) String crs) {
        return Mono.defer(() -> {
            Crs target = Crs.parseOrDefault(crs, Crs.WGS84);
            return availability.inBox(BoundingBox.parse(bbox, target))
                    .map(places -> new BoxView(Instant.now(), places.size(),
                            places.stream().map(place -> view(place, target)).toList()));
        });
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events for a box: event 'snapshot' (every place), then 'change' events "
            + "(at most one per place per second), and ':heartbeat' comments")
    Flux<ServerSentEvent<Object>> stream(@RequestParam String bbox, @RequestParam(required = false) String crs) {
        return Flux.defer(() -> {
            Crs target = Crs.parseOrDefault(crs, Crs.WGS84);
            Envelope box = BoundingBox.parse(bbox, target);
            Set<PlaceRef> wanted = locations.inBox(box);
            if (wanted.size() > maxPlaces) {
                throw new InvalidValueException("bbox", "the box holds more than " + maxPlaces
                        + " lots and segments; use a smaller box");
            }
            // subscribe to changes first (buffered), emit them only after the snapshot: nothing falls in between
            Mono<List<PlaceAvailability>> snapshot = availability.inBox(box).cache();
            Flux<ServerSentEvent<Object>> first = snapshot.map(places -> ServerSentEvent.<Object>builder()
                    .event("snapshot")
                    .data(new BoxView(Instant.now(), places.size(),
                            places.stream().map(place -> view(place, target)).toList()))
                    .build()).flux();
            Flux<ServerSentEvent<Object>> changes = availability.changes()
                    .filter(change -> wanted.contains(change.place()))
                    .onBackpressureBuffer(CLIENT_BUFFER, dropped -> { }, BufferOverflowStrategy.DROP_OLDEST)
                    .delayUntil(change -> snapshot)
                    .map(change -> changeEvent(change, target));
            Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeat)
                    .map(tick -> ServerSentEvent.<Object>builder().comment("heartbeat").build());
            return Flux.merge(first, changes, heartbeats);
        });
    }

    private ServerSentEvent<Object> changeEvent(AvailabilityChange change, Crs crs) {
        return ServerSentEvent.<Object>builder()
                .event("change")
                .data(view(change.availability(), crs))
                .build();
    }

    private PlaceView view(PlaceAvailability place, Crs crs) {
        return PlaceView.of(place, locations.locate(place.place(), crs));
    }

    /**
     * Places in a box.
     *
     * @param readAt when they were read
     * @param count  how many
     * @param places lots first, then segments, each in id order
     */
    record BoxView(Instant readAt, int count, List<PlaceView> places) {
    }
}
