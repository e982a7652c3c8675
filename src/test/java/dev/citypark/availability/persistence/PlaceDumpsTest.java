package dev.citypark.availability.persistence;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceDumpsTest {

    @Test
    void packsAndUnpacksPlaceDumps() {
        List<Map.Entry<String, String>> dumps = List.of(Map.entry("L:QD-L-00001", "{\"h\":[\"mode\",\"COUNTS\"]}"),
                Map.entry("S:QD-S-00002", "{\"h\":[\"b.QD-S-00002-01\",\"1|1|2|-1|1|0\"],\"f\":{}}"));

        byte[] packed = PlaceDumps.pack(dumps);

        assertThat(PlaceDumps.unpack(packed)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                dumps.toArray(Map.Entry[]::new)));
    }

    @Test
    void writesAndReadsOffsetsAsJson() {
        Map<TopicPartition, Long> offsets = Map.of(new TopicPartition("citypark.occupancy.v1", 0), 12L,
                new TopicPartition("citypark.occupancy.v1", 10), 3L, new TopicPartition("citypark.sessions.v1", 2), 7L);

        String json = SnapshotStore.offsetsJson(offsets);

        assertThat(json).isEqualTo("{\"citypark.occupancy.v1\":{\"0\":12,\"10\":3},\"citypark.sessions.v1\":{\"2\":7}}");
        assertThat(SnapshotStore.parseOffsets(json)).isEqualTo(offsets);
    }
}
