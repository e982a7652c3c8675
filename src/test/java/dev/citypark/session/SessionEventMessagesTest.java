package dev.citypark.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.citypark.core.Money;
import dev.citypark.core.OutboxMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.citypark.session.Sessions.active;
import static dev.citypark.session.Sessions.at;
import static dev.citypark.session.Sessions.closed;
import static org.assertj.core.api.Assertions.assertThat;

/** The citypark.sessions.v1 wire format: exactly the schema's fields, in its order, nulls written out. */
class SessionEventMessagesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SCHEMA = List.of("type", "eventId", "sessionId", "placeKind", "placeId",
            "operatorId", "districtCode", "bayId", "gateId", "plate", "plateColour", "category", "occurredAt",
            "entryAt", "exitAt", "feeFen", "paidFen", "settlement");

    @Test
    void writesAnOpenedEventKeyedByPlace() {
        SessionEvent opened = Session.open(Sessions.stay("2025-03-03T09:00")).events().get(0);

        OutboxMessage message = SessionEventMessages.toMessage(opened);
        JsonNode json = JSON.readTree(message.payloadJson());

        assertThat(message.topic()).isEqualTo("citypark.sessions.v1");
        assertThat(message.key()).isEqualTo("QD-L-00001");
        assertThat(message.eventType()).isEqualTo("SessionOpened");
        assertThat(names(json)).containsExactlyElementsOf(SCHEMA);
        assertThat(json.get("type").asString()).isEqualTo("SessionOpened");
        assertThat(UUID.fromString(json.get("eventId").asString())).isEqualTo(opened.eventId());
        assertThat(json.get("plate").asString()).isEqualTo("鲁B12345");
        assertThat(json.get("plateColour").asString()).isEqualTo("BLUE");
        assertThat(json.get("category").asString()).isEqualTo("GENERAL");
        assertThat(json.get("occurredAt").asString()).isEqualTo(at("2025-03-03T09:00").toString());
        assertThat(json.get("gateId").asString()).isEqualTo("QD-L-00001-G1");
        for (String nullField : Set.of("bayId", "exitAt", "feeFen", "paidFen", "settlement")) {
            assertThat(json.get(nullField).isNull()).as(nullField).isTrue();
        }
    }

    @Test
    void writesFeePaymentAndSettlementOfASettledEvent() {
        Session.Closed closed = closed("2025-03-03T09:00", "2025-03-03T11:00");
        SessionEvent settled = closed.settle(Settlement.AUTOPAY, Money.ofYuan(8), at("2025-03-03T11:00")).events()
                .get(0);

        JsonNode json = JSON.readTree(SessionEventMessages.toJson(settled));

        assertThat(names(json)).containsExactlyElementsOf(SCHEMA);
        assertThat(json.get("feeFen").asLong()).isEqualTo(800);
        assertThat(json.get("paidFen").asLong()).isEqualTo(800);
        assertThat(json.get("settlement").asString()).isEqualTo("AUTOPAY");
        assertThat(json.get("gateId").asString()).isEqualTo("QD-L-00001-G2");
        assertThat(json.get("exitAt").asString()).isEqualTo(at("2025-03-03T11:00").toString());
        assertThat(active("2025-03-03T09:00").id()).isNotEqualTo(closed.id());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
