package dev.citypark.session;

import dev.citypark.core.BayId;
import dev.citypark.core.GateId;
import dev.citypark.core.Money;
import dev.citypark.core.OutboxMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of {@link SessionEvent}s on {@code citypark.sessions.v1}: key = place id, JSON value with exactly the
 * fields of the schema in ARCHITECTURE.md (nulls written out, instants in ISO-8601), header
 * {@code citypark-event-type} = the type.
 */
final class SessionEventMessages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SessionEventMessages() {
    }

    static OutboxMessage toMessage(SessionEvent event) {
        return new OutboxMessage(SessionTopics.SESSIONS, event.stay().place().id(), event.type().name(),
                toJson(event));
    }

    static String toJson(SessionEvent event) {
        Stay stay = event.stay();
        ObjectNode node = JSON.createObjectNode()
                .put("type", event.type().name())
                .put("eventId", event.eventId().toString())
                .put("sessionId", stay.id().toString())
                .put("placeKind", stay.place().kind().name())
                .put("placeId", stay.place().id())
                .put("operatorId", stay.place().operator().value())
                .put("districtCode", stay.place().district().value())
                .put("bayId", stay.bay().map(BayId::value).orElse(null))
                .put("gateId", event.gate().map(GateId::value).orElse(null))
                .put("plate", stay.vehicle().plate().value())
                .put("plateColour", stay.vehicle().colour().name())
                .put("category", stay.category().name())
                .put("occurredAt", event.occurredAt().toString())
                .put("entryAt", stay.entryAt().toString())
                .put("exitAt", event.exitAt().map(Object::toString).orElse(null));
        if (event.fee().isPresent()) {
            node.put("feeFen", event.fee().get().fen());
        }
        else {
            node.putNull("feeFen");
        }
        if (event.paid().isPresent()) {
            node.put("paidFen", event.paid().map(Money::fen).get());
        }
        else {
            node.putNull("paidFen");
        }
        node.put("settlement", event.settlement().map(Enum::name).orElse(null));
        return JSON.writeValueAsString(node);
    }
}
