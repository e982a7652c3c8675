package dev.citypark.session;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.citypark.CityparkIntegrationTest;
import dev.citypark.registry.Registry;
import dev.citypark.security.TestCallers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import static dev.citypark.session.CityFixtures.at;
import static dev.citypark.session.CityFixtures.freshPlate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job anonymises settled sessions older than the retention (plate → keyed pseudonym, image reference
 * gone, amounts and times kept), leaves recent ones and ones that still owe money alone, and is idempotent.
 */
@CityparkIntegrationTest
class SessionRetentionIntegrationTest {

    @Autowired
    SessionRetention retention;

    @Autowired
    GateDecisions gates;

    @Autowired
    Registry registry;

    @Autowired
    DatabaseClient database;

    @Autowired
    RetentionProperties properties;

    @Test
    void anonymisesOldSettledSessionsOnly() {
        CityFixtures.GatedLot lot = CityFixtures.lotOf(registry, TestCallers.OPERATOR_1, "QD-T1-CORE");
        String oldFree = freshPlate();
        String oldUnpaid = freshPlate();
        String recentFree = freshPlate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // a free stay (under 30 min) long ago: settled at its exit
        SessionId settled = stay(lot, oldFree, at("2025-01-10T09:00"), at("2025-01-10T09:10"), "cam/old-1.jpg");
        // a charged stay long ago, deferred and never paid: still owed, kept whole
        SessionId unpaid = stay(lot, oldUnpaid, at("2025-01-10T10:00"), at("2025-01-10T13:00"), "cam/old-2.jpg");
        // a free stay that just ended
        SessionId recent = stay(lot, recentFree, now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(10)),
                "cam/recent.jpg");
        Map<String, Object> before = row(settled);
        assertThat(before).containsEntry("status", "SETTLED");

        Long first = retention.anonymiseEndedBefore(now.minus(Duration.ofDays(180)), now).block();

        assertThat(first).isPositive();
        Map<String, Object> after = row(settled);
        String expected = new PlatePseudonyms(properties.plateKey()).pseudonym(oldFree);
        assertThat(expected).startsWith(PlatePseudonyms.PREFIX); // the test profile configures a key
        assertThat(after.get("plate")).isEqualTo(expected);
        assertThat(after.get("entry_image_ref")).isNull();
        assertThat(after.get("anonymised_at")).isNotNull();
        for (String kept : new String[] {"status", "fee_fen", "paid_fen", "entry_at", "exit_at", "place_id",
                "operator_id", "tariff_id", "settled_at"}) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        assertThat(row(unpaid)).containsEntry("plate", oldUnpaid).containsEntry("entry_image_ref", "cam/old-2.jpg");
        assertThat(row(recent)).containsEntry("plate", recentFree).containsEntry("anonymised_at", null);
        assertThat(database.sql("SELECT count(*) AS n FROM parking_session WHERE plate = :plate")
                .bind("plate", oldFree).map(r -> r.get("n", Long.class)).one().block()).isZero();

        // the same vehicle keeps one pseudonym; a second pass finds nothing of ours to do
        assertThat(new PlatePseudonyms(properties.plateKey()).pseudonym(oldFree)).isEqualTo(expected);
        retention.anonymiseEndedBefore(now.minus(Duration.ofDays(180)), now).block();
        assertThat(row(settled)).isEqualTo(after);
    }

    private SessionId stay(CityFixtures.GatedLot lot, String plate, Instant entry, Instant exit, String image) {
        GateDecision entered = gates.handle(lot.operator(), GateEvent.parse(lot.id(), lot.entryGate(), "ENTRY", plate,
                "BLUE", entry, 0.95, image, null)).block();
        gates.handle(lot.operator(), GateEvent.parse(lot.id(), lot.exitGate(), "EXIT", plate, "BLUE", exit, 0.95,
                null, null)).block();
        return entered.session().orElseThrow();
    }

    private Map<String, Object> row(SessionId id) {
        return database.sql("SELECT status, plate, entry_image_ref, anonymised_at, fee_fen, paid_fen, entry_at, "
                        + "exit_at, place_id, operator_id, tariff_id, settled_at FROM parking_session WHERE id = :id")
                .bind("id", java.util.UUID.fromString(id.toString()))
                .fetch().one().<Map<String, Object>>map(java.util.HashMap::new).block();
    }
}
