package dev.citypark.session.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.citypark.billing.BreakdownLine;
import dev.citypark.billing.LineKind;
import dev.citypark.core.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** A fee's breakdown lines as stored in the {@code breakdown} json column. */
final class BreakdownJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BreakdownJson() {
    }

    static String write(List<BreakdownLine> lines) {
        ArrayNode array = JSON.createArrayNode();
        for (BreakdownLine line : lines) {
            array.addObject()
                    .put("rule", line.rule())
                    .put("kind", line.kind().name())
                    .put("en", line.descriptionEn())
                    .put("zh", line.descriptionZh())
                    .put("amountFen", line.amount().fen())
                    .put("from", line.from().toString())
                    .put("to", line.to().toString());
        }
        return JSON.writeValueAsString(array);
    }

    static List<BreakdownLine> read(String text) {
        if (text == null) {
            return List.of();
        }
        List<BreakdownLine> lines = new ArrayList<>();
        for (JsonNode node : JSON.readTree(text)) {
            lines.add(new BreakdownLine(node.get("rule").asString(), LineKind.valueOf(node.get("kind").asString()),
                    node.get("en").asString(), node.get("zh").asString(),
                    Money.ofFen(node.get("amountFen").asLong()), Instant.parse(node.get("from").asString()),
                    Instant.parse(node.get("to").asString())));
        }
        return lines;
    }
}
