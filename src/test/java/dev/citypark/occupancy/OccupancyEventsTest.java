package dev.citypark.occupancy;

import java.time.Instant;
import java.util.Map;

import dev.citypark.core.BayId;
import dev.citypark.core.InvalidValueException;
import dev.citypark.core.LotId;
import dev.citypark.core.OperatorId;
import dev.citypark.core.SensorId;
import dev.citypark.registry.SpaceCategory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OccupancyEventsTest {

    private static final OperatorId OPERATOR = OperatorId.of("OP-SENS-01");
    private static final Instant AT = Instant.parse("2025-03-03T08:00:00Z");

    @Test
    void roundTripsEveryKindThroughJson() {
        OccupancyEvent bay = new BayStatus(OPERATOR, BayId.of("QD-S-00001-01"), true, AT, SensorId.of("MAG-1"), 17L,
                true);
        OccupancyEvent count = new LotCount(OPERATOR, LotId.of("QD-L-00001"), AT,
                Map.of(SpaceCategory.GENERAL, 12, SpaceCategory.EV_CHARGING, 2), Map.of(SpaceCategory.LARGE, 1),
                true, 4L);
        OccupancyEvent flow = new LotFlow(OPERATOR, LotId.of("QD-L-00001"), AT, "e-1",
                Map.of(SpaceCategory.GENERAL, 3), Map.of(SpaceCategory.GENERAL, 1));

        for (OccupancyEvent event : new OccupancyEvent[] {bay, count, flow}) {
            String json = OccupancyEvents.write(event);
            assertThat(json).contains("\"schema\":\"citypark.occupancy/1\"");
            assertThat(OccupancyEvents.parse(json)).isEqualTo(event);
        }
    }

    @Test
    void readsOptionalMembersWithDefaults() {
        OccupancyEvent event = OccupancyEvents.parse("""
                {"type":"BayStatus","operatorId":"OP-SENS-01","bayId":"QD-S-00001-01","occupied":false,
                 "observedAt":"2025-03-03T16:00:00+08:00","sensorId":"MAG-1","comment":"ignored"}""");

        assertThat(event).isEqualTo(new BayStatus(OPERATOR, BayId.of("QD-S-00001-01"), false, AT,
                SensorId.of("MAG-1"), null, false));
    }

    @Test
    void fillsMissingOperatorFromTheCaller() throws Exception {
        var node = tools.jackson.databind.json.JsonMapper.builder().build().readTree("""
                {"type":"LotCount","lotId":"QD-L-00001","observedAt":"2025-03-03T08:00:00Z","free":{"GENERAL":5}}""");

        assertThat(OccupancyEvents.read(node, OperatorId.of("OP-GAR-01")).operatorId())
                .isEqualTo(OperatorId.of("OP-GAR-01"));
    }

    @Test
    void requiresOperatorOnKafka() {
        assertField("""
                {"type":"LotCount","lotId":"QD-L-00001","observedAt":"2025-03-03T08:00:00Z","free":{"GENERAL":5}}""",
                "operatorId");
    }

    @Test
    void namesTheNegativeCount() {
        assertField("""
                {"type":"LotCount","operatorId":"OP-GAR-01","lotId":"QD-L-00001","observedAt":"2025-03-03T08:00:00Z",
                 "free":{"GENERAL":-1}}""", "free.GENERAL");
        assertField("""
                {"type":"LotFlow","operatorId":"OP-GAR-01","lotId":"QD-L-00001","observedAt":"2025-03-03T08:00:00Z",
                 "eventId":"e1","exits":{"NEV":-2}}""", "exits.NEV");
    }

    @Test
    void refusesUnknownCategoryTypeAndSchema() {
        assertField("""
                {"type":"LotCount","operatorId":"OP-GAR-01","lotId":"QD-L-00001","observedAt":"2025-03-03T08:00:00Z",
                 "free":{"BICYCLE":1}}""", "free.BICYCLE");
        assertField("""
                {"type":"BayState","operatorId":"OP-GAR-01"}""", "type");
        assertField("""
                {"schema":"citypark.occupancy/2","type":"BayStatus"}""", "schema");
    }

    @Test
    void refusesTimeWithoutOffset() {
        assertField("""
                {"type":"BayStatus","operatorId":"OP-SENS-01","bayId":"QD-S-00001-01","occupied":true,
                 "observedAt":"2025-03-03T08:00:00","sensorId":"MAG-1"}""", "observedAt");
    }

    @Test
    void refusesMistypedMembers() {
        assertField("""
                {"type":"BayStatus","operatorId":"OP-SENS-01","bayId":"QD-S-00001-01","occupied":"yes",
                 "observedAt":"2025-03-03T08:00:00Z","sensorId":"MAG-1"}""", "occupied");
        assertField("""
                {"type":"BayStatus","operatorId":"OP-SENS-01","bayId":"QD-S-00001-01","occupied":true,
                 "observedAt":"2025-03-03T08:00:00Z","sensorId":"MAG-1","sequence":-3}""", "sequence");
        assertField("""
                {"type":"BayStatus","operatorId":"OP-SENS-01","bayId":"no spaces allowed","occupied":true,
                 "observedAt":"2025-03-03T08:00:00Z","sensorId":"MAG-1"}""", "bayId");
    }

    @Test
    void refusesReportsWithoutNumbers() {
        assertField("""
                {"type":"LotCount","operatorId":"OP-GAR-01","lotId":"QD-L-00001","observedAt":"2025-03-03T08:00:00Z"}""",
                "free");
        assertField("""
                {"type":"LotFlow","operatorId":"OP-GAR-01","lotId":"QD-L-00001","observedAt":"2025-03-03T08:00:00Z",
                 "entries":{"GENERAL":1}}""", "eventId");
    }

    @Test
    void acceptsAClosedLotWithoutCounts() {
        LotCount closed = (LotCount) OccupancyEvents.parse("""
                {"type":"LotCount","operatorId":"OP-GAR-01","lotId":"QD-L-00001","observedAt":"2025-03-03T08:00:00Z",
                 "closed":true}""");

        assertThat(closed.closed()).isTrue();
        assertThat(closed.free()).isEmpty();
    }

    @Test
    void tellsMalformedInputApart() {
        assertThatThrownBy(() -> OccupancyEvents.parse("{not json")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> OccupancyEvents.parse("[1,2]")).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void computesTheNetChangeOfAFlow() {
        LotFlow flow = new LotFlow(OPERATOR, LotId.of("QD-L-00001"), AT, "e-1",
                Map.of(SpaceCategory.GENERAL, 3), Map.of(SpaceCategory.GENERAL, 5, SpaceCategory.NEV, 1));

        assertThat(flow.netChange(SpaceCategory.GENERAL)).isEqualTo(-2);
        assertThat(flow.netChange(SpaceCategory.NEV)).isEqualTo(-1);
        assertThat(flow.netChange(SpaceCategory.LARGE)).isZero();
    }

    private static void assertField(String json, String field) {
        assertThatThrownBy(() -> OccupancyEvents.parse(json))
                .isInstanceOf(InvalidValueException.class)
                .isNotInstanceOf(MalformedEventException.class)
                .extracting(e -> ((InvalidValueException) e).field())
                .isEqualTo(field);
    }
}
