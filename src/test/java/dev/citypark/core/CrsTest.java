package dev.citypark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrsTest {

    /** Qingdao's extent, stepped by 0.01 degrees (161 x 151 points). */
    private static List<GeoPoint> qingdaoGrid() {
        List<GeoPoint> grid = new ArrayList<>();
        for (int i = 0; i <= 160; i++) {
            for (int j = 0; j <= 150; j++) {
                grid.add(GeoPoint.of(35.5 + i * 0.01, 119.5 + j * 0.01));
            }
        }
        return grid;
    }

    // ---- parsing -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"wgs84,WGS84", "WGS84,WGS84", "Gcj02,GCJ02", "gcj02,GCJ02", "BD09,BD09", "' bd09 ',BD09"})
    void parsesCodesCaseInsensitively(String text, Crs expected) {
        assertThat(Crs.parse(text)).isEqualTo(expected);
    }

    @Test
    void codesAreTheLowerCaseApiNames() {
        assertThat(Crs.WGS84.code()).isEqualTo("wgs84");
        assertThat(Crs.GCJ02.code()).isEqualTo("gcj02");
        assertThat(Crs.BD09.code()).isEqualTo("bd09");
    }

    @ParameterizedTest
    @ValueSource(strings = {"epsg4326", "gcj-02x", "wgs", "bd09mc", "4326"})
    void rejectsUnknownCrsListingTheAcceptedValues(String text) {
        assertThatThrownBy(() -> Crs.parse(text))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("crs");
                    assertThat(e.getMessage()).contains("wgs84, gcj02, bd09").contains("'" + text + "'");
                });
    }

    @Test
    void rejectsMissingCrsInParse() {
        assertThatThrownBy(() -> Crs.parse(null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("crs"));
        assertThatThrownBy(() -> Crs.parse("  "))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.getMessage()).contains("wgs84, gcj02, bd09"));
    }

    @Test
    void doesNotEchoControlCharactersOrLongInputInErrors() {
        assertThatThrownBy(() -> Crs.parse("gcj\r\nFORGED LOG LINE and a great deal more text"))
                .hasMessageContaining("'gcj??FORGED LOG LINE…'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void parseOrDefaultUsesTheDefaultOnlyForMissingText() {
        assertThat(Crs.parseOrDefault(null, Crs.WGS84)).isEqualTo(Crs.WGS84);
        assertThat(Crs.parseOrDefault("", Crs.GCJ02)).isEqualTo(Crs.GCJ02);
        assertThat(Crs.parseOrDefault(" \t", Crs.WGS84)).isEqualTo(Crs.WGS84);
        assertThat(Crs.parseOrDefault("bd09", Crs.WGS84)).isEqualTo(Crs.BD09);
        assertThatThrownBy(() -> Crs.parseOrDefault("mars", Crs.WGS84))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("crs"));
    }

    // ---- published test vectors ----------------------------------------------------------------------------------

    /**
     * WGS-84 to GCJ-02 pairs published with the eviltransform project (googollee/eviltransform, go/transform_test.go
     * and python/test.py: Shanghai, Shenzhen, Beijing) and with wandergis/coordtransform (test/app.js, input
     * 116.404, 39.915). Columns: wgsLat, wgsLon, gcjLat, gcjLon.
     */
    @ParameterizedTest
    @CsvSource({
            "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
            "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",
            "39.911954, 116.377817, 39.91334545536069, 116.38404722455657",
            "39.915, 116.404, 39.91640428150164, 116.41024449916938"})
    void forwardGcj02MatchesPublishedPairs(double wgsLat, double wgsLon, double gcjLat, double gcjLon) {
        double[] raw = ChinaOffsets.wgs84ToGcj02(wgsLat, wgsLon);
        assertThat(raw[0]).isCloseTo(gcjLat, within(1e-12));
        assertThat(raw[1]).isCloseTo(gcjLon, within(1e-12));

        LatLon gcj = Crs.GCJ02.fromWgs84(GeoPoint.of(wgsLat, wgsLon));
        assertThat(gcj.lat()).isCloseTo(gcjLat, within(0.51e-7));
        assertThat(gcj.lon()).isCloseTo(gcjLon, within(0.51e-7));
    }

    @ParameterizedTest
    @CsvSource({
            "31.1774276, 121.5272106, 31.17530398364597, 121.531541859215",
            "22.543847, 113.912316, 22.540796131694766, 113.9171764808363",
            "39.911954, 116.377817, 39.91334545536069, 116.38404722455657",
            "39.915, 116.404, 39.91640428150164, 116.41024449916938"})
    void inverseGcj02RecoversThePublishedWgs84Point(double wgsLat, double wgsLon, double gcjLat, double gcjLon) {
        double[] raw = ChinaOffsets.gcj02ToWgs84(gcjLat, gcjLon);
        assertThat(raw[0]).isCloseTo(wgsLat, within(1e-9));
        assertThat(raw[1]).isCloseTo(wgsLon, within(1e-9));

        assertThat(Crs.GCJ02.toWgs84(gcjLat, gcjLon)).isEqualTo(GeoPoint.of(wgsLat, wgsLon));
    }

    /** wandergis/coordtransform test/app.js: gcj02tobd09(116.404, 39.915) = [116.41036949371029, 39.92133699351021]. */
    @Test
    void forwardBd09MatchesPublishedPair() {
        double[] bd = ChinaOffsets.gcj02ToBd09(39.915, 116.404);
        assertThat(bd[0]).isCloseTo(39.92133699351021, within(1e-12));
        assertThat(bd[1]).isCloseTo(116.41036949371029, within(1e-12));
    }

    /**
     * wandergis/coordtransform test/app.js: bd09togcj02(116.404, 39.915) = [116.39762729119315, 39.90865673957631].
     * That published one-step formula is only an approximate inverse; citypark refines it, so its answer is the one
     * whose forward transform reproduces the BD-09 input, a few centimetres from the published approximation.
     */
    @Test
    void inverseBd09RefinesThePublishedApproximation() {
        double[] published = ChinaOffsets.publishedBd09ToGcj02(39.915, 116.404);
        assertThat(published[0]).isCloseTo(39.90865673957631, within(1e-12));
        assertThat(published[1]).isCloseTo(116.39762729119315, within(1e-12));

        double[] exact = ChinaOffsets.bd09ToGcj02(39.915, 116.404);
        double[] back = ChinaOffsets.gcj02ToBd09(exact[0], exact[1]);
        assertThat(back[0]).isCloseTo(39.915, within(1e-9));
        assertThat(back[1]).isCloseTo(116.404, within(1e-9));
        double metresFromPublished = GeoPoint.of(exact[0], exact[1])
                .distanceMetresTo(GeoPoint.of(39.90865673957631, 116.39762729119315));
        assertThat(metresFromPublished).isLessThan(0.1);
    }

    @Test
    void bd09ToWgs84GoesThroughGcj02() {
        double[] gcj = ChinaOffsets.bd09ToGcj02(36.0671, 120.3826);
        double[] wgs = ChinaOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
        assertThat(Crs.BD09.toWgs84(36.0671, 120.3826)).isEqualTo(GeoPoint.of(wgs[0], wgs[1]));
        // the BD-09 offset adds to the GCJ-02 one: in Qingdao the two together are several hundred metres
        assertThat(Crs.BD09.toWgs84(36.0671, 120.3826).distanceMetresTo(GeoPoint.of(36.0671, 120.3826)))
                .isBetween(500.0, 1500.0);
    }

    // ---- round trips over Qingdao --------------------------------------------------------------------------------

    @Test
    void rawInversesAreExactToOneNanodegreeOverQingdao() {
        double worstGcj = 0;
        double worstResidual = 0;
        double worstBd = 0;
        for (GeoPoint p : qingdaoGrid()) {
            double[] gcj = ChinaOffsets.wgs84ToGcj02(p.lat(), p.lon());
            double[] wgs = ChinaOffsets.gcj02ToWgs84(gcj[0], gcj[1]);
            worstGcj = Math.max(worstGcj, Math.max(Math.abs(wgs[0] - p.lat()), Math.abs(wgs[1] - p.lon())));
            double[] forward = ChinaOffsets.wgs84ToGcj02(wgs[0], wgs[1]);
            worstResidual = Math.max(worstResidual,
                    Math.max(Math.abs(forward[0] - gcj[0]), Math.abs(forward[1] - gcj[1])));
            double[] bd = ChinaOffsets.gcj02ToBd09(gcj[0], gcj[1]);
            double[] gcjBack = ChinaOffsets.bd09ToGcj02(bd[0], bd[1]);
            worstBd = Math.max(worstBd, Math.max(Math.abs(gcjBack[0] - gcj[0]), Math.abs(gcjBack[1] - gcj[1])));
        }
        // 1e-9 degrees is about 0.1 mm: far inside the required centimetre
        assertThat(worstResidual).isLessThanOrEqualTo(ChinaOffsets.TOLERANCE_DEGREES);
        assertThat(worstGcj).isLessThanOrEqualTo(1e-9);
        assertThat(worstBd).isLessThanOrEqualTo(1e-9);
    }

    /**
     * Through the public API both ends are rounded to 7 decimals (LatLon and GeoPoint), each worth up to half a grid
     * step (about 6 mm), so the round trip is exact or one grid step off: never more than 2 cm, mostly 0.
     */
    @Test
    void roundTripsThroughEveryCrsWithinTwoCentimetresOverQingdao() {
        for (Crs crs : Crs.values()) {
            double worst = 0;
            int exact = 0;
            List<GeoPoint> grid = qingdaoGrid();
            for (GeoPoint p : grid) {
                LatLon there = crs.fromWgs84(p);
                double metres = p.distanceMetresTo(crs.toWgs84(there.lat(), there.lon()));
                worst = Math.max(worst, metres);
                if (metres == 0) {
                    exact++;
                }
            }
            assertThat(worst).as("worst round trip through %s, metres", crs).isLessThanOrEqualTo(0.02);
            assertThat(exact).as("exact round trips through %s", crs).isGreaterThan(grid.size() * 9 / 10);
        }
    }

    @Test
    void gcj02OffsetInQingdaoIsSeveralHundredMetres() {
        GeoPoint zhanqiao = GeoPoint.of(36.0592, 120.3192);
        LatLon gcj = Crs.GCJ02.fromWgs84(zhanqiao);
        double metres = zhanqiao.distanceMetresTo(GeoPoint.of(gcj.lat(), gcj.lon()));
        assertThat(metres).isBetween(200.0, 800.0);
    }

    // ---- identity ------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "35.6895, 139.6917",   // Tokyo: east of the box
            "51.5074, -0.1278",    // London
            "-33.8688, 151.2093",  // Sydney
            "0.5, 100.0",          // south of the box
            "56.0, 100.0"})        // north of the box
    void gcj02AndBd09AreWgs84OutsideChina(double lat, double lon) {
        GeoPoint p = GeoPoint.of(lat, lon);
        for (Crs crs : Crs.values()) {
            assertThat(crs.fromWgs84(p)).isEqualTo(new LatLon(lat, lon));
            assertThat(crs.toWgs84(lat, lon)).isEqualTo(p);
        }
    }

    @Test
    void wgs84IsTheIdentity() {
        GeoPoint p = GeoPoint.of(36.0671234, 120.3826789);
        assertThat(Crs.WGS84.fromWgs84(p)).isEqualTo(new LatLon(36.0671234, 120.3826789));
        assertThat(Crs.WGS84.toWgs84(36.0671234, 120.3826789)).isEqualTo(p);
    }

    @Test
    void outOfChinaBoxIsTheOnePublishedWithEviltransform() {
        assertThat(ChinaOffsets.outOfChina(36.0, 120.0)).isFalse();
        assertThat(ChinaOffsets.outOfChina(36.0, 72.004)).isFalse();
        assertThat(ChinaOffsets.outOfChina(36.0, 72.003)).isTrue();
        assertThat(ChinaOffsets.outOfChina(36.0, 137.8347)).isFalse();
        assertThat(ChinaOffsets.outOfChina(36.0, 137.8348)).isTrue();
        assertThat(ChinaOffsets.outOfChina(0.8293, 100.0)).isFalse();
        assertThat(ChinaOffsets.outOfChina(0.8292, 100.0)).isTrue();
        assertThat(ChinaOffsets.outOfChina(55.8271, 100.0)).isFalse();
        assertThat(ChinaOffsets.outOfChina(55.8272, 100.0)).isTrue();
    }

    // ---- validation ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"90.0000001, 120", "-91, 120", "NaN, 120", "Infinity, 120", "-Infinity, 120"})
    void toWgs84RejectsBadLatitude(double lat, double lon) {
        for (Crs crs : Crs.values()) {
            assertThatThrownBy(() -> crs.toWgs84(lat, lon))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lat"));
        }
    }

    @ParameterizedTest
    @CsvSource({"36, 180.0000001", "36, -181", "36, NaN", "36, Infinity"})
    void toWgs84RejectsBadLongitude(double lat, double lon) {
        for (Crs crs : Crs.values()) {
            assertThatThrownBy(() -> crs.toWgs84(lat, lon))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lon"));
        }
    }
}
