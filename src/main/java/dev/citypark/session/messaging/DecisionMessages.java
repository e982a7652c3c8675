package dev.citypark.session.messaging;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.session.GateDecision;
import dev.citypark.session.GateEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reply record on {@code citypark.gate-decisions.v1}: {@code {"eventId","lotId","gateId","direction","plate",
 * "observedAt","decision","sessionId","status","feeFen","breakdown":[...],"settlement","billId","anomalyId","reason",
 * "locateCode"}} ({@code locateCode}: the new session's one-time locate code on an entry that opened one, else null).
 */
final class DecisionMessages {

    private DecisionMessages() {
    }

    static String toJson(JsonMapper json, String eventId, GateEvent event, GateDecision decision) {
        ObjectNode node = json.createObjectNode()
                .put("eventId", eventId)
                .put("lotId", event.lot().value())
                .put("gateId", event.gate().value())
                .put("direction", event.direction().name())
                .put("plate", event.plate().value())
                .put("observedAt", event.observedAt().toString())
                .put("decision", decision.verdict().name())
                .put("sessionId", decision.session().map(Object::toString).orElse(null))
                .put("status", decision.status().map(Enum::name).orElse(null));
        if (decision.fee().isPresent()) {
            node.put("feeFen", decision.fee().get().amount().fen());
            ArrayNode lines = node.putArray("breakdown");
            for (BreakdownLine line : decision.fee().get().breakdown()) {
                lines.addObject().put("rule", line.rule()).put("description", line.descriptionEn())
                        .put("descriptionZh", line.descriptionZh()).put("amountFen", line.amount().fen());
            }
        }
        else {
            node.putNull("feeFen");
            node.putArray("breakdown");
        }
        node.put("settlement", decision.settlement().map(Enum::name).orElse(null))
                .put("billId", decision.bill().map(Object::toString).orElse(null))
                .put("anomalyId", decision.anomaly().map(Object::toString).orElse(null))
                .put("reason", decision.reason().orElse(null))
                .put("locateCode", decision.locateCode().orElse(null));
        return json.writeValueAsString(node);
    }
}
