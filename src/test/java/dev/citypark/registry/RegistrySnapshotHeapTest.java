package dev.citypark.registry;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.Locale;

import dev.citypark.registry.geodata.GeoData;
import dev.citypark.registry.geodata.GeoDataReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openjdk.jol.info.GraphLayout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry snapshot of the whole committed city (300,000 spaces) fits the heap budget of 256 MB.
 * <p>
 * Always: a GC-based measurement (used heap after full collections, before and after building the snapshot).
 * With {@code -Dcitypark.jol=true}: JOL's {@link GraphLayout} adds up every object reachable from the snapshot, its
 * exact deep size (about a minute, so not in every build):
 * {@code ./mvnw -o test -Dtest=RegistrySnapshotHeapTest -Dcitypark.jol=true}. README quotes both numbers.
 */
class RegistrySnapshotHeapTest {

    static final long BUDGET_BYTES = 256L * 1024 * 1024;

    @Test
    void wholeCitySnapshotFitsTheHeapBudget() {
        long before = usedAfterGc();
        RegistrySnapshot snapshot = load();
        long retained = usedAfterGc() - before;
        System.out.printf(Locale.ROOT, "Registry snapshot of the committed city: %d lots, %d segments, %d bays, %d "
                        + "spaces; used heap after full GC grew by %.1f MB%n", snapshot.lotCount(),
                snapshot.segmentCount(), snapshot.bayCount(), snapshot.totalSpaces(), retained / 1048576.0);
        assertThat(snapshot.totalSpaces()).isEqualTo(300_000);
        assertThat(retained).isLessThan(BUDGET_BYTES);
    }

    @Test
    @EnabledIfSystemProperty(named = "citypark.jol", matches = "true")
    void deepSizeWithJol() {
        RegistrySnapshot snapshot = load();
        GraphLayout layout = GraphLayout.parseInstance(snapshot);
        System.out.printf(Locale.ROOT, "Registry snapshot deep size (JOL): %.1f MB in %d objects%n",
                layout.totalSize() / 1048576.0, layout.totalCount());
        assertThat(layout.totalSize()).isLessThan(BUDGET_BYTES);
        // a copy-on-write change shares everything but the lot side
        Lot lot = snapshot.listLots(null, l -> true, null, 1).get(0);
        RegistrySnapshot changed = snapshot.withLot(lot.withVersion(lot.version() + 1));
        long both = GraphLayout.parseInstance(snapshot, changed).totalSize();
        System.out.printf(Locale.ROOT, "Both snapshots after one lot change: %.1f MB%n", both / 1048576.0);
        assertThat(both).isLessThan(layout.totalSize() * 3 / 2);
    }

    private static RegistrySnapshot load() {
        GeoData data = GeoDataReader.read(Path.of("geo-data"));
        return new RegistrySnapshot(data.operators(), data.districts(), data.lots(), data.segments(), data.screens());
    }

    /** Used heap after full collections (a test thread; System.gc is a request, repeated until it settles). */
    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(now - used) < 1024 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }
}
