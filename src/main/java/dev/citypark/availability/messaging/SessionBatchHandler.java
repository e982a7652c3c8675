package dev.citypark.availability.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.citypark.availability.PlaceRef;
import dev.citypark.availability.live.ApplyResult;
import dev.citypark.availability.live.LiveStore;
import dev.citypark.availability.live.LiveUpdate;
import dev.citypark.core.Plates;
import dev.citypark.occupancy.IngestCounters;
import dev.citypark.occupancy.OccupancyProperties;
import dev.citypark.occupancy.OccupancyValidator;
import dev.citypark.occupancy.Place;
import dev.citypark.occupancy.PlaceKind;
import dev.citypark.registry.SpaceCategory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves lot counts with gate traffic: a {@code SessionOpened} of a LOT place is one vehicle in, a
 * {@code SessionClosed} one vehicle out, applied through the same script as operators' flows (de-duplicated by
 * {@code eventId}, ignored when observed before the lot's latest count, clamped within 0..capacity). Other session
 * events, on-street sessions (their bays report themselves) and records this module cannot read are skipped: the
 * sessions module owns that topic and its dead letters. Blocks: call it on a Kafka consumer thread.
 */
@Component
class SessionBatchHandler {

    private static final Logger log = LoggerFactory.getLogger(SessionBatchHandler.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OccupancyValidator places;
    private final LiveStore store;
    private final IngestCounters counters;
    private final OccupancyProperties occupancy;
    private final HistoryPublisher history;

    SessionBatchHandler(OccupancyValidator places, LiveStore store, IngestCounters counters,
            OccupancyProperties occupancy, HistoryPublisher history) {
        this.history = history;
        this.places = places;
        this.store = store;
        this.counters = counters;
        this.occupancy = occupancy;
    }

    void handle(List<ConsumerRecord<String, String>> records) {
        Instant now = Instant.now();
        List<LiveUpdate> updates = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                LiveUpdate update = toUpdate(record.value(), now);
                if (update != null) {
                    updates.add(update);
                }
            }
            catch (RuntimeException e) {
                log.warn("Skipping unreadable session event {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), Plates.maskAll(String.valueOf(e.getMessage())));
            }
        }
        List<ApplyResult> results = OccupancyBatchHandler.await(store.apply(updates, now).toFuture(),
                "apply gate events to Redis");
        IngestCounters.Tally tally = new IngestCounters.Tally();
        Set<PlaceRef> changed = new LinkedHashSet<>();
        for (ApplyResult result : results) {
            tally.add(result.update().operator(), "gate." + result.outcome().counterName());
            if (result.outcome().changedState()) {
                changed.add(result.update().place());
            }
        }
        OccupancyBatchHandler.await(counters.add(tally).toFuture(), "count");
        OccupancyBatchHandler.await(store.announce(changed).toFuture(), "announce changes");
        history.publish(changed);
    }

    /** The flow for a LOT session's entry or exit, or null when the event does not move lot counts. */
    LiveUpdate toUpdate(String value, Instant now) {
        JsonNode event = JSON.readTree(value);
        String type = text(event, "type");
        int direction = "SessionOpened".equals(type) ? 1 : "SessionClosed".equals(type) ? -1 : 0;
        if (direction == 0 || !"LOT".equals(text(event, "placeKind"))) {
            return null;
        }
        Place lot = places.findPlace(text(event, "placeId")).filter(p -> p.kind() == PlaceKind.LOT).orElse(null);
        if (lot == null) {
            log.debug("Session event for unknown lot {}", text(event, "placeId"));
            return null;
        }
        Instant occurredAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text(event, "occurredAt"),
                OffsetDateTime::from).toInstant();
        if (occurredAt.isAfter(now.plus(occupancy.maxClockSkew()))) {
            log.warn("Skipping session event {} from the future ({})", text(event, "eventId"), occurredAt);
            return null;
        }
        String eventId = text(event, "eventId");
        if (eventId == null || eventId.isEmpty() || eventId.length() > 64 || eventId.indexOf('|') >= 0) {
            throw new IllegalArgumentException("eventId must be 1-64 characters without '|'");
        }
        int[] deltas = new int[SpaceCategory.values().length];
        deltas[category(event).ordinal()] = direction;
        return LiveUpdate.flow(PlaceRef.lot(lot.id()), lot.operator(), lot.capacity(), occurredAt, eventId,
                deltas);
    }

    private static SpaceCategory category(JsonNode event) {
        String category = text(event, "category");
        try {
            return category == null ? SpaceCategory.GENERAL : SpaceCategory.valueOf(category);
        }
        catch (IllegalArgumentException e) {
            return SpaceCategory.GENERAL;
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(name + " must be a string");
        }
        return value.stringValue();
    }
}
