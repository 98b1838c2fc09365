package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A2;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A3;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A4;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.B1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.B201;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.CITY;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.JIA;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.SEPT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_2;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.YI;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 设施覆盖: community facilities from S1, street centres from S4, at each month's end. */
class FacilityIndicatorsTests extends IndicatorTestBase {

    /**
     * September: 一街道 sends its 4 communities (areas 350, 0, 120, 600 m²), 二镇 two of its three
     * (500 urban, 80 rural; 二村 sends nothing ever). October: only 一街道 sends, and only 社区002,
     * which now has 310 m². Everyone else keeps September's value.
     */
    private void twoMonthsOfS1() {
        long sept1 = data.sheet("S1", STREET_1, SEPT);
        data.s1(sept1, A1, 400, 1200, 350);
        data.s1(sept1, A2, 300, 900, 0);
        data.s1(sept1, A3, 200, 600, 120);
        data.s1(sept1, A4, 100, 300, 600);
        long sept2 = data.sheet("S1", STREET_2, SEPT);
        data.s1(sept2, B1, 500, 1500, 500);
        data.s1(sept2, B201, 150, 3500, 80);
        long oct1 = data.sheet("S1", STREET_1, OCT);
        data.s1(oct1, A2, 300, 900, 310);
    }

    @Test
    void fourCommunitiesOfWhichThreeHaveAFacility() {
        twoMonthsOfS1();

        List<IndicatorValue> sept = compute(STREET_1 + "000", SEPT, "gansu-2015");

        // 350, 0, 120, 600: three of four have a facility → 3/4; gansu-2015 wants 100 %: 0.75 < 0.9 → red.
        Figure.of(sept, "FAC_COMMUNITY_COVERAGE", "all", STREET_1 + "000").is("0.75").of(3, 4).target("1")
                .status("red");
        // children of a street are its communities: 社区002 has none
        Figure.of(sept, "FAC_COMMUNITY_COVERAGE", "all", A2).is("0").of(0, 1);
        Figure.of(sept, "FAC_COMMUNITY_COVERAGE", "all", A4).is("1").of(1, 1).status("green");
    }

    @Test
    void aCommunityThatSentNothingThisMonthKeepsLastMonthsValue() {
        twoMonthsOfS1();

        List<IndicatorValue> sept = compute(JIA, SEPT, "gansu-2015");
        List<IndicatorValue> oct = compute(JIA, OCT, "gansu-2015");

        // September: 350, 120, 600 | 500, 80 | 二村 nothing → 5 of 7.
        Figure.of(sept, "FAC_COMMUNITY_COVERAGE", "all", JIA).of(5, 7).isAbout("0.714", 3);
        // October: 社区002 now 310; the other five keep September's rows → 6 of 7 (0.857: red, below 0.9).
        Figure.of(oct, "FAC_COMMUNITY_COVERAGE", "all", JIA).of(6, 7).is("0.857143").status("red");
        // urban: 社区001–004 and 二镇社区001 all have one → 5/5; rural: 一村 80 m², 二村 nothing → 1/2.
        // gansu-2015 sets its target on 'all' only: no status for the split.
        Figure.of(oct, "FAC_COMMUNITY_COVERAGE", "urban", JIA).is("1").of(5, 5).status(null);
        Figure.of(oct, "FAC_COMMUNITY_COVERAGE", "rural", JIA).is("0.5").of(1, 2).status(null);
        // by street: 一街道 4/4, 二镇 2/3
        Figure.of(oct, "FAC_COMMUNITY_COVERAGE", "all", STREET_1 + "000").is("1").of(4, 4).status("green");
        Figure.of(oct, "FAC_COMMUNITY_COVERAGE", "all", STREET_2 + "000").is("0.666667").of(2, 3);
    }

    @Test
    void facilityAreaAgainstTheProfilesMinimumAndPerHundredHouseholds() {
        twoMonthsOfS1();

        List<IndicatorValue> oct = compute(JIA, OCT, "gansu-2015");

        // ≥ 300 m² (gansu-2015): 350, 310, 600, 500 → 4 of 7 communities.
        Figure.of(oct, "FAC_COMMUNITY_AREA_OK", "", JIA).of(4, 7).is("0.571429").target("1").status("red");
        // Σ area 350+310+120+600+500+80 = 1960 m²; Σ households 400+300+200+100+500+150 = 1650;
        // 1960 ÷ 1650 × 100 = 118.787879 m² per 100 households ≥ 20 → green.
        Figure.of(oct, "FAC_AREA_PER_100_HH", "", JIA).fraction("1960", "1650").is("118.787879").target("20")
                .status("green");
        // changzhi-2020's minimum is 500 m²: 600 and 500 → 2 of 7
        Figure.of(compute(JIA, OCT, "changzhi-2020"), "FAC_COMMUNITY_AREA_OK", "", JIA).of(2, 7);
        // shijiazhuang-2020 sets no community minimum: the figure cannot be computed
        Figure.of(compute(JIA, OCT, "shijiazhuang-2020"), "FAC_COMMUNITY_AREA_OK", "", JIA).is(null).status(null);
    }

    @Test
    void zeroHouseholdsGiveNoAreaPerHundredHouseholds() {
        long s1 = data.sheet("S1", STREET_1, OCT);
        data.s1(s1, A1, 0, 0, 100);
        data.s1(s1, A2, 0, 0, 300);

        List<IndicatorValue> oct = compute(STREET_1 + "000", OCT, "gansu-2015");

        // 400 m² over 0 households: no value, and so no status, though gansu-2015 has a target.
        Figure.of(oct, "FAC_AREA_PER_100_HH", "", STREET_1 + "000").is(null).fraction("400", "0").target("20")
                .status(null);
    }

    @Test
    void noCommunitiesInScopeGiveNoValueAndNoStatus() {
        List<IndicatorValue> oct = compute(YI, OCT, "gansu-2015");

        // 乙区 has no communities and no streets: every rate is 0/0 → null, never red.
        Figure.of(oct, "FAC_COMMUNITY_COVERAGE", "all", YI).is(null).of(0, 0).target("1").status(null);
        Figure.of(oct, "FAC_STREET_CENTER_COVERAGE", "", YI).is(null).of(0, 0).status(null);
        Figure.of(oct, "ORG_AVG_PER_COMMUNITY", "", YI).is(null).of(0, 0);
        Figure.of(oct, "ORG_COUNT", "all", YI).count(0);
        assertThat(oct).as("a district without streets has no child rows").allMatch(v -> v.scope().equals(YI));
    }

    @Test
    void streetCentresFromTheLatestSheetsInForce() {
        // 一街道: built, 900 m². 二镇 first says not built, then corrects itself: built, 500 m².
        long s4a = data.sheet("S4", STREET_1, SEPT);
        data.s4(s4a, STREET_1, true, 900);
        long wrong = data.sheet("S4", STREET_2, OCT);
        data.s4(wrong, STREET_2, false, null);
        long corrected = data.resubmit(wrong, "S4");
        data.s4(corrected, STREET_2, true, 500);

        List<IndicatorValue> oct = compute(CITY, OCT, "gansu-2015");

        // 2 of 2 streets have a centre → green; ≥ 800 m² (gansu-2015): only 900 → 1/2 → red.
        Figure.of(oct, "FAC_STREET_CENTER_COVERAGE", "", CITY).is("1").of(2, 2).status("green");
        Figure.of(oct, "FAC_STREET_CENTER_AREA_OK", "", CITY).is("0.5").of(1, 2).target("1").status("red");
        // by district: 甲区 2/2; 乙区 and 丙县 have no streets → no value
        Figure.of(oct, "FAC_STREET_CENTER_COVERAGE", "", JIA).is("1").of(2, 2);
        Figure.of(oct, "FAC_STREET_CENTER_COVERAGE", "", YI).is(null).of(0, 0).status(null);
        // shijiazhuang-2020's minimum is 500 m²: both → 2/2
        Figure.of(compute(CITY, OCT, "shijiazhuang-2020"), "FAC_STREET_CENTER_AREA_OK", "", CITY).of(2, 2);
        // in September 二镇 had sent nothing: 1 of 2
        Figure.of(compute(CITY, SEPT, "gansu-2015"), "FAC_STREET_CENTER_COVERAGE", "", CITY).of(1, 2);
    }
}
