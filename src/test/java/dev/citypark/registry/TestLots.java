package dev.citypark.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.Outbox;
import dev.citypark.core.OutboxMessage;
import dev.citypark.registry.geodata.GeoJsonCodec;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lots that tests create in the shared city: ids start with {@value #PREFIX}, so {@link #removeAll} can take them
 * out again (rows, bays, and from every snapshot through a {@link LotChanged} event) and the city keeps its
 * 300,000 committed spaces for the tests that count it.
 */
public final class TestLots {

    public static final String PREFIX = "QD-T-";

    private static final JsonMapper JSON = GeoJsonCodec.mapper();

    private TestLots() {
    }

    /** A fresh test lot id. */
    public static LotId newId() {
        return LotId.of(PREFIX + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT));
    }

    /**
     * A valid surface lot Feature: a square of about 90 m × 90 m around ({@code lat}, {@code lon}) with two gates on
     * its southern edge, 50 general and 5 EV spaces, no version.
     */
    public static ObjectNode surfaceLot(LotId id, OperatorId operator, double lat, double lon) {
        double d = 0.0004;
        ObjectNode feature = JSON.createObjectNode();
        feature.put("type", "Feature");
        feature.put("id", id.value());
        ObjectNode geometry = feature.putObject("geometry");
        geometry.put("type", "Polygon");
        ArrayNode ring = geometry.putArray("coordinates").addArray();
        double[][] corners = {{lon - d, lat - d}, {lon + d, lat - d}, {lon + d, lat + d}, {lon - d, lat + d},
                {lon - d, lat - d}};
        for (double[] c : corners) {
            ring.addArray().add(round(c[0])).add(round(c[1]));
        }
        ObjectNode p = feature.putObject("properties");
        p.put("id", id.value());
        p.put("operator", operator.value());
        p.put("name", "测试停车场");
        p.put("nameEn", "Test Car Park");
        p.put("address", "山东省青岛市市南区测试路1号");
        p.put("districtCode", "370202");
        p.putArray("point").add(round(lon)).add(round(lat));
        ArrayNode gates = p.putArray("gates");
        ObjectNode g1 = gates.addObject();
        g1.put("id", id.value() + "-G1");
        g1.put("kind", "ENTRY");
        g1.putArray("point").add(round(lon - d / 2)).add(round(lat - d));
        ObjectNode g2 = gates.addObject();
        g2.put("id", id.value() + "-G2");
        g2.put("kind", "EXIT");
        g2.putArray("point").add(round(lon + d / 2)).add(round(lat - d));
        ObjectNode capacity = p.putObject("capacity");
        capacity.put("GENERAL", 50);
        capacity.put("EV_CHARGING", 5);
        p.put("openingHours", "24/7");
        p.put("tariffId", "QD-T1-CORE");
        p.put("type", "SURFACE");
        p.put("parkAndRide", false);
        return feature;
    }

    /**
     * A copy of a committed garage (indoor model embedded) under a new id: every id that starts with the garage's
     * id (gates, bays, QR anchors) is renamed, the version removed.
     */
    public static ObjectNode copyOfGarage(Lot garage, LotId id) {
        String text = GeoJsonCodec.lotToFeatureJson(garage).replace(garage.id().value(), id.value());
        ObjectNode feature = (ObjectNode) JSON.readTree(text);
        ((ObjectNode) feature.get("properties")).remove("version");
        return feature;
    }

    /**
     * Deletes every test lot from the database and from the snapshots of every running instance (this one at once,
     * others through a {@link LotChanged} event; a deleted lot leaves a snapshot on reload). Test thread only.
     */
    public static void removeAll(DatabaseClient database, Outbox outbox, OperatorLots lots) {
        List<String[]> rows = database.sql("DELETE FROM lot WHERE id LIKE '" + PREFIX + "%' "
                        + "RETURNING id, operator_id, district_code")
                .map(row -> new String[] {row.get("id", String.class), row.get("operator_id", String.class),
                        row.get("district_code", String.class)})
                .all().collectList().block(Duration.ofSeconds(30));
        for (String[] row : rows) {
            LotChanged removed = new LotChanged(UUID.randomUUID().toString(), LotId.of(row[0]),
                    OperatorId.of(row[1]), row[2], Long.MAX_VALUE / 2, Instant.now());
            outbox.append(new OutboxMessage(LotChanged.TOPIC, row[0], LotChanged.TYPE, removed.toJson()))
                    .block(Duration.ofSeconds(30));
            lots.reloadLot(removed.lotId(), removed.version()).block(Duration.ofSeconds(30));
        }
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
