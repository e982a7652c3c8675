package dev.citypark.registry.geodata;

import dev.citypark.registry.LotType;
import dev.citypark.registry.Wgs84Geometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

import java.util.List;

/**
 * The hand-made, approximate geography of the generated Qingdao: district seed points near the real district
 * centres, a rough city outline and a rough Jiaozhou Bay water polygon, road names for flavour, and the
 * park-and-ride sites. None of this is official or third-party map data; all coordinates are rough estimates.
 */
final class QingdaoGeography {

    private QingdaoGeography() {
    }

    /** A Chinese name with its pinyin/English form. */
    record Name(String zh, String en) {
    }

    /** A place, WGS-84. */
    record Site(double lat, double lon) {
    }

    /**
     * One district: its Voronoi seeds (the first is the real centre), share of the city's spaces, share of those
     * on the street, density, tariffs and road names.
     */
    record DistrictSpec(String code, Name name, double weight, double onStreetShare, boolean dense,
                        double sigmaKm, List<Site> seeds, String offStreetTariff, String onStreetTariff,
                        List<Name> roads) {
    }

    /** A fixed park-and-ride lot (metro terminal or airport). */
    record ParkAndRideSite(String districtCode, Name name, Name road, Site site, LotType type, int baseCapacity,
                           String tariffId, boolean airport) {
    }

    static final String T1_CORE = "QD-T1-CORE";
    static final String T2_URBAN = "QD-T2-URBAN";
    static final String T3_OUTER = "QD-T3-OUTER";
    static final String ONSTREET_A = "QD-ONSTREET-A";
    static final String ONSTREET_B = "QD-ONSTREET-B";
    static final String PARK_AND_RIDE = "QD-PR";
    static final String AIRPORT = "QD-AIRPORT";

    private static Name n(String zh, String en) {
        return new Name(zh, en);
    }

    private static Site s(double lat, double lon) {
        return new Site(lat, lon);
    }

    static final List<DistrictSpec> DISTRICTS = List.of(
            new DistrictSpec("370202", n("市南区", "Shinan District"), 0.16, 0.23, true, 1.6,
                    List.of(s(36.066, 120.383), s(36.062, 120.335)), T1_CORE, ONSTREET_A,
                    List.of(n("香港中路", "Xianggang Zhonglu"), n("东海西路", "Donghai Xilu"),
                            n("南京路", "Nanjing Lu"), n("延安三路", "Yan'an Sanlu"), n("中山路", "Zhongshan Lu"),
                            n("湛山路", "Zhanshan Lu"), n("福州南路", "Fuzhou Nanlu"), n("太平路", "Taiping Lu"),
                            n("燕儿岛路", "Yan'erdao Lu"), n("闽江路", "Minjiang Lu"))),
            new DistrictSpec("370203", n("市北区", "Shibei District"), 0.16, 0.23, true, 1.8,
                    List.of(s(36.087, 120.374), s(36.115, 120.362)), T1_CORE, ONSTREET_A,
                    List.of(n("辽宁路", "Liaoning Lu"), n("台东一路", "Taidong Yilu"), n("威海路", "Weihai Lu"),
                            n("延吉路", "Yanji Lu"), n("敦化路", "Dunhua Lu"), n("连云港路", "Lianyungang Lu"),
                            n("重庆南路", "Chongqing Nanlu"), n("登州路", "Dengzhou Lu"), n("人民路", "Renmin Lu"),
                            n("洛阳路", "Luoyang Lu"))),
            new DistrictSpec("370211", n("黄岛区", "Huangdao District"), 0.14, 0.16, false, 3.0,
                    List.of(s(35.960, 120.198), s(35.870, 120.030), s(35.750, 119.850), s(35.650, 119.720),
                            s(35.960, 119.800)), T2_URBAN, ONSTREET_B,
                    List.of(n("长江中路", "Changjiang Zhonglu"), n("井冈山路", "Jinggangshan Lu"),
                            n("峨眉山路", "Emeishan Lu"), n("武夷山路", "Wuyishan Lu"), n("珠江路", "Zhujiang Lu"),
                            n("香江路", "Xiangjiang Lu"), n("滨海大道", "Binhai Dadao"),
                            n("黄河中路", "Huanghe Zhonglu"))),
            new DistrictSpec("370212", n("崂山区", "Laoshan District"), 0.11, 0.23, true, 2.2,
                    List.of(s(36.107, 120.468), s(36.120, 120.560), s(36.180, 120.640), s(36.250, 120.650)),
                    T2_URBAN, ONSTREET_A,
                    List.of(n("海尔路", "Haier Lu"), n("秦岭路", "Qinling Lu"), n("深圳路", "Shenzhen Lu"),
                            n("苗岭路", "Miaoling Lu"), n("松岭路", "Songling Lu"),
                            n("香港东路", "Xianggang Donglu"), n("株洲路", "Zhuzhou Lu"),
                            n("同安路", "Tong'an Lu"))),
            new DistrictSpec("370213", n("李沧区", "Licang District"), 0.11, 0.23, true, 1.8,
                    List.of(s(36.145, 120.433), s(36.175, 120.400)), T2_URBAN, ONSTREET_A,
                    List.of(n("京口路", "Jingkou Lu"), n("书院路", "Shuyuan Lu"), n("巨峰路", "Jufeng Lu"),
                            n("九水东路", "Jiushui Donglu"), n("金水路", "Jinshui Lu"),
                            n("黑龙江中路", "Heilongjiang Zhonglu"), n("夏庄路", "Xiazhuang Lu"),
                            n("永平路", "Yongping Lu"))),
            new DistrictSpec("370214", n("城阳区", "Chengyang District"), 0.09, 0.16, false, 2.5,
                    List.of(s(36.307, 120.396), s(36.260, 120.300), s(36.350, 120.300)), T2_URBAN, ONSTREET_B,
                    List.of(n("正阳路", "Zhengyang Lu"), n("长城路", "Changcheng Lu"), n("文阳路", "Wenyang Lu"),
                            n("春阳路", "Chunyang Lu"), n("仙山东路", "Xianshan Donglu"),
                            n("重庆北路", "Chongqing Beilu"), n("青威路", "Qingwei Lu"))),
            new DistrictSpec("370215", n("即墨区", "Jimo District"), 0.08, 0.16, false, 3.0,
                    List.of(s(36.390, 120.447), s(36.450, 120.620), s(36.430, 120.850), s(36.560, 120.550),
                            s(36.650, 120.750)), T2_URBAN, ONSTREET_B,
                    List.of(n("蓝鳌路", "Lan'ao Lu"), n("烟青路", "Yanqing Lu"), n("鹤山路", "Heshan Lu"),
                            n("振华街", "Zhenhua Jie"), n("文化路", "Wenhua Lu"), n("长江二路", "Changjiang Erlu"),
                            n("潮海路", "Chaohai Lu"))),
            new DistrictSpec("370281", n("胶州市", "Jiaozhou City"), 0.06, 0.16, false, 3.0,
                    List.of(s(36.264, 120.033), s(36.300, 119.800), s(36.420, 119.950)), T3_OUTER, ONSTREET_B,
                    List.of(n("扬州路", "Yangzhou Lu"), n("兰州东路", "Lanzhou Donglu"), n("福州路", "Fuzhou Lu"),
                            n("广州北路", "Guangzhou Beilu"), n("常州路", "Changzhou Lu"),
                            n("温州路", "Wenzhou Lu"))),
            new DistrictSpec("370283", n("平度市", "Pingdu City"), 0.045, 0.16, false, 3.5,
                    List.of(s(36.777, 119.960), s(36.950, 119.800), s(36.650, 119.700), s(36.600, 120.100)),
                    T3_OUTER, ONSTREET_B,
                    List.of(n("红旗路", "Hongqi Lu"), n("人民路", "Renmin Lu"), n("胜利路", "Shengli Lu"),
                            n("杭州路", "Hangzhou Lu"), n("常州路", "Changzhou Lu"), n("北京路", "Beijing Lu"))),
            new DistrictSpec("370285", n("莱西市", "Laixi City"), 0.045, 0.16, false, 3.5,
                    List.of(s(36.889, 120.517), s(37.000, 120.650), s(36.800, 120.400)), T3_OUTER, ONSTREET_B,
                    List.of(n("烟台路", "Yantai Lu"), n("威海西路", "Weihai Xilu"), n("石岛路", "Shidao Lu"),
                            n("济南路", "Jinan Lu"), n("青岛路", "Qingdao Lu"), n("上海路", "Shanghai Lu"))));

    /** Metro-terminal and airport park-and-ride lots, approximately placed. */
    static final List<ParkAndRideSite> PARK_AND_RIDE_SITES = List.of(
            new ParkAndRideSite("370213", n("青岛北站P+R停车场", "Qingdao North Railway Station P+R"),
                    n("青岛北站", "Qingdao Beizhan"), s(36.170, 120.378), LotType.SURFACE, 800, PARK_AND_RIDE, false),
            new ParkAndRideSite("370213", n("李村P+R停车场", "Licun P+R"), n("李村", "Licun"),
                    s(36.158, 120.428), LotType.UNDERGROUND, 400, PARK_AND_RIDE, false),
            new ParkAndRideSite("370214", n("东郭庄P+R停车场", "Dongguozhuang P+R"), n("东郭庄", "Dongguozhuang"),
                    s(36.318, 120.345), LotType.SURFACE, 500, PARK_AND_RIDE, false),
            new ParkAndRideSite("370215", n("鳌山湾P+R停车场", "Aoshanwan P+R"), n("鳌山湾", "Aoshanwan"),
                    s(36.400, 120.620), LotType.SURFACE, 400, PARK_AND_RIDE, false),
            new ParkAndRideSite("370211", n("峨眉山路P+R停车场", "Emeishan Lu P+R"), n("峨眉山路", "Emeishan Lu"),
                    s(35.952, 120.172), LotType.SURFACE, 500, PARK_AND_RIDE, false),
            new ParkAndRideSite("370281", n("胶州北站P+R停车场", "Jiaozhou North Station P+R"),
                    n("胶州北站", "Jiaozhou Beizhan"), s(36.300, 120.012), LotType.SURFACE, 400, PARK_AND_RIDE,
                    false),
            new ParkAndRideSite("370281", n("胶东国际机场P1停车楼", "Jiaodong International Airport P1 Parking Building"),
                    n("机场", "Jichang"), s(36.3645, 120.0880), LotType.MULTI_STOREY, 3200, AIRPORT, true),
            new ParkAndRideSite("370281", n("胶东国际机场P2停车场", "Jiaodong International Airport P2 Car Park"),
                    n("机场", "Jichang"), s(36.3620, 120.0950), LotType.SURFACE, 2400, AIRPORT, true),
            new ParkAndRideSite("370281", n("胶东国际机场P3停车场", "Jiaodong International Airport P3 Car Park"),
                    n("机场", "Jichang"), s(36.3620, 120.0810), LotType.SURFACE, 1600, AIRPORT, true),
            new ParkAndRideSite("370281", n("胶东国际机场长时停车场", "Jiaodong International Airport Long-Stay Car Park"),
                    n("机场", "Jichang"), s(36.3540, 120.0885), LotType.SURFACE, 1800, AIRPORT, true));

    /** A rough outline of Qingdao's land (lon, lat), open sea excluded; the bay is subtracted separately. */
    private static final double[][] OUTLINE = {
            {120.290, 36.045}, {120.330, 36.055}, {120.380, 36.052}, {120.430, 36.060}, {120.480, 36.085},
            {120.560, 36.095}, {120.640, 36.120}, {120.700, 36.160}, {120.690, 36.250}, {120.730, 36.320},
            {120.800, 36.360}, {120.900, 36.380}, {121.000, 36.420}, {121.050, 36.480}, {120.980, 36.560},
            {120.900, 36.640}, {120.850, 36.760}, {120.830, 36.900}, {120.760, 37.020}, {120.640, 37.100},
            {120.480, 37.070}, {120.300, 37.020}, {120.150, 37.080}, {119.950, 37.120}, {119.760, 37.060},
            {119.600, 36.960}, {119.520, 36.800}, {119.540, 36.620}, {119.600, 36.450}, {119.640, 36.300},
            {119.600, 36.150}, {119.520, 36.000}, {119.480, 35.850}, {119.560, 35.700}, {119.650, 35.600},
            {119.800, 35.620}, {119.950, 35.700}, {120.050, 35.800}, {120.150, 35.880}, {120.230, 35.930},
            {120.270, 35.975}, {120.250, 36.030}, {120.290, 36.045}};

    /** A rough Jiaozhou Bay (胶州湾) water polygon (lon, lat), including its mouth. */
    private static final double[][] JIAOZHOU_BAY = {
            {120.300, 36.050}, {120.310, 36.085}, {120.320, 36.115}, {120.340, 36.150}, {120.335, 36.185},
            {120.300, 36.215}, {120.265, 36.245}, {120.220, 36.262}, {120.170, 36.255}, {120.120, 36.235},
            {120.080, 36.200}, {120.060, 36.160}, {120.080, 36.110}, {120.120, 36.070}, {120.170, 36.045},
            {120.220, 36.025}, {120.260, 36.005}, {120.285, 36.010}, {120.300, 36.050}};

    static Polygon cityOutline() {
        return polygon(OUTLINE);
    }

    static Polygon jiaozhouBayWater() {
        return polygon(JIAOZHOU_BAY);
    }

    private static Polygon polygon(double[][] lonLat) {
        Coordinate[] coordinates = new Coordinate[lonLat.length];
        for (int i = 0; i < lonLat.length; i++) {
            coordinates[i] = Wgs84Geometry.coordinate(lonLat[i][0], lonLat[i][1]);
        }
        return Wgs84Geometry.factory().createPolygon(coordinates);
    }
}
