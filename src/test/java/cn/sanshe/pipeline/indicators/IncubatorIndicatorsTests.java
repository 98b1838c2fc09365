package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.SEPT;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 孵化基地 in the demo city (石家庄 130100: 长安区 130102, 桥西区 130104, 新华区 130105, 裕华区 130108)
 * against shijiazhuang-2020: city-level ≥ 600 m², district-level ≥ 300 m², ≥ 3 street-level per
 * district, ≥ 10 incubators in the city.
 */
class IncubatorIndicatorsTests extends IndicatorTestBase {

    static final String SJZ = "130100000000";
    static final String CHANGAN = "130102000000";
    static final String QIAOXI = "130104000000";
    static final String XINHUA = "130105000000";
    static final String YUHUA = "130108000000";

    private void registers() {
        // 长安区, October: the city-level base (650 m²), a district-level one (320 m²), 3 street-level ones;
        // its clerk listed 建北's base twice.
        long changan = data.sheet("D2", "130102", OCT);
        data.d2(changan, "石家庄市社会组织孵化基地", "市级", null, 650, 12L, 30L, 8L);
        data.d2(changan, "长安区社会组织孵化中心", "区级", null, 320, 6L, 15L, 4L);
        data.d2(changan, "建北街道孵化园", "街道级", "130102001", 80, 2L, 5L, 1L);
        data.d2(changan, "建北街道孵化园", "街道级", "130102001", 80, 2L, 5L, 1L);
        data.d2(changan, "青园街道孵化园", "街道级", "130102002", 60, 1L, 2L, 0L);
        data.d2(changan, "广安街道孵化园", "街道级", "130102003", 90, 3L, 3L, 0L);
        // 桥西区, October: a district-level base of 280 m² (under the minimum), 2 street-level ones.
        long qiaoxi = data.sheet("D2", "130104", OCT);
        data.d2(qiaoxi, "桥西区孵化基地", "区级", null, 280, 4L, 9L, 2L);
        data.d2(qiaoxi, "东里街道孵化园", "街道级", "130104001", 50, 1L, 1L, 0L);
        data.d2(qiaoxi, "中山路街道孵化园", "街道级", "130104002", 70, null, null, null);
        // 新华区 sent in September only: its list stands in October. Its first September file was
        // replaced by a corrected one; the replaced rows do not count.
        long xinhuaFirst = data.sheet("D2", "130105", SEPT);
        data.d2(xinhuaFirst, "作废的基地", "区级", null, 999, 99L, 99L, 99L);
        long xinhua = data.resubmit(xinhuaFirst, "D2");
        data.d2(xinhua, "新华区孵化基地", "区级", null, 400, 5L, 10L, 3L);
        data.d2(xinhua, "革新街道孵化园", "街道级", "130105001", 60, 1L, 2L, 1L);
        data.d2(xinhua, "新华路街道孵化园", "街道级", "130105002", 60, 1L, 2L, 1L);
        data.d2(xinhua, "宁安街道孵化园", "街道级", "130105003", 60, 1L, 2L, 1L);
        // 裕华区 has no incubator at all.
    }

    @Test
    void cityFiguresAgainstShijiazhuangThresholds() {
        registers();

        List<IndicatorValue> oct = compute(SJZ, OCT, "shijiazhuang-2020");

        // 长安 5 (建北's, listed twice, counts once) + 桥西 3 + 新华 4 = 12 ≥ 10 → green
        Figure.of(oct, "INC_COUNT", "all", SJZ).count(12).target("10").status("green");
        Figure.of(oct, "INC_COUNT", "市级", SJZ).count(1).status(null);
        Figure.of(oct, "INC_COUNT", "区级", SJZ).count(3);
        Figure.of(oct, "INC_COUNT", "街道级", SJZ).count(8);
        // the one city-level base has 650 ≥ 600 m² → 1, target ≥ 1 → green
        Figure.of(oct, "INC_CITY_OK", "", SJZ).count(1).target("1").status("green");
        // district-level ≥ 300 m²: 长安 320 yes, 桥西 280 no, 新华 400 yes, 裕华 none → 2 of 4 → red
        Figure.of(oct, "INC_DISTRICT_OK", "", SJZ).is("0.5").of(2, 4).target("1").status("red");
        // ≥ 3 street-level: 长安 3 yes, 桥西 2 no, 新华 3 yes, 裕华 0 no → 2 of 4
        Figure.of(oct, "INC_STREET_PER_DISTRICT_OK", "", SJZ).is("0.5").of(2, 4);
        // in incubation 12+6+2+1+3 + 4+1 + 5+1+1+1 = 37; cumulative 30+15+5+2+3 + 9+1 + 10+2+2+2 = 81;
        // graduated 8+4+1+0+0 + 2+0 + 3+1+1+1 = 21 (a blank count adds nothing)
        Figure.of(oct, "INC_ORGS", "in_incubation", SJZ).count(37);
        Figure.of(oct, "INC_ORGS", "cumulative", SJZ).count(81);
        Figure.of(oct, "INC_ORGS", "graduated", SJZ).count(21);
    }

    @Test
    void byDistrictIncludingADistrictWithNoIncubator() {
        registers();

        List<IndicatorValue> oct = compute(SJZ, OCT, "shijiazhuang-2020");

        // The city-wide ≥ 10 is not a district's target.
        Figure.of(oct, "INC_COUNT", "all", CHANGAN).count(5).target(null).status(null);
        Figure.of(oct, "INC_DISTRICT_OK", "", CHANGAN).is("1").of(1, 1).status("green");
        Figure.of(oct, "INC_DISTRICT_OK", "", QIAOXI).is("0").of(0, 1).status("red");
        Figure.of(oct, "INC_STREET_PER_DISTRICT_OK", "", XINHUA).is("1").of(1, 1);
        Figure.of(oct, "INC_COUNT", "all", YUHUA).count(0);
        Figure.of(oct, "INC_DISTRICT_OK", "", YUHUA).is("0").of(0, 1).status("red");
        Figure.of(oct, "INC_STREET_PER_DISTRICT_OK", "", YUHUA).is("0").of(0, 1);
        Figure.of(oct, "INC_CITY_OK", "", YUHUA).count(0).status(null);
    }

    @Test
    void aDistrictEditionCountsStreetLevelBasesByStreet() {
        registers();

        List<IndicatorValue> oct = compute(CHANGAN, OCT, "shijiazhuang-2020");

        Figure.of(oct, "INC_COUNT", "all", CHANGAN).count(5);
        Figure.of(oct, "INC_DISTRICT_OK", "", CHANGAN).is("1").of(1, 1);
        Figure.of(oct, "INC_COUNT", "街道级", "130102001000").count(1);
        Figure.of(oct, "INC_COUNT", "all", "130102004000").count(0);
        // a street is no district: no district to judge
        Figure.of(oct, "INC_DISTRICT_OK", "", "130102001000").is(null).of(0, 0).status(null);
    }

    @Test
    void beforeAnyRegisterArrivedAndWithoutThresholds() {
        registers();

        // In September only 新华区 had sent its register.
        List<IndicatorValue> sept = compute(SJZ, SEPT, "shijiazhuang-2020");
        Figure.of(sept, "INC_COUNT", "all", SJZ).count(4).status("red");
        Figure.of(sept, "INC_CITY_OK", "", SJZ).count(0).status("red");
        Figure.of(sept, "INC_DISTRICT_OK", "", SJZ).is("0.25").of(1, 4);

        // gansu-2015 sets no incubator thresholds: counts still, the threshold figures not.
        List<IndicatorValue> gansu = compute(SJZ, OCT, "gansu-2015");
        Figure.of(gansu, "INC_COUNT", "all", SJZ).count(12).status(null);
        Figure.of(gansu, "INC_CITY_OK", "", SJZ).is(null).status(null);
        Figure.of(gansu, "INC_DISTRICT_OK", "", SJZ).is(null);
        Figure.of(gansu, "INC_STREET_PER_DISTRICT_OK", "", SJZ).is(null);
    }
}
