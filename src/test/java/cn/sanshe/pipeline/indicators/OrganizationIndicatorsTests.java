package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A2;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A3;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A4;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.B1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.B201;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.BING;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.CITY;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.JIA;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.SEPT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_2;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.YI;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 社区社会组织 in 甲区, as masters and the lists that say which are active:
 * <pre>
 *        master                         一街道 ledger   二镇 ledger   甲区 registry D1
 *                                       Sept   Oct      Sept         Sept   Oct
 *   O1   已登记 社会团体 社区001 4A        x      x x(dup)              正常   正常
 *   O2   已登记 社会服务机构 社区001 3A 社工  x      x                    正常   正常
 *   O3   已备案 社区001                   x      x
 *   O4   已备案 社区002                   x      -  (dropped)
 *   O5   已登记 基金会 社区002                                         正常   正常   (on no ledger)
 *   O6   已登记 民办非企业单位 社区003       x      x                    正常   注销
 *   O7   已备案 二镇社区001                               x  (二镇 sends nothing in October)
 *   O8   已登记 社会团体 一村                                          正常   -    (gone from the registry)
 *   O9   merged into O1 by a steward         x (its row still points at O9)
 *   O10–O14 已备案 社区004                    x
 * </pre>
 */
class OrganizationIndicatorsTests extends IndicatorTestBase {

    long o6;

    @BeforeEach
    void ledgersAndRegistry() {
        long o1 = data.org(A1, "O1", "已登记", "社会团体", 4, false);
        long o2 = data.org(A1, "O2", "已登记", "社会服务机构", 3, true);
        long o3 = data.org(A1, "O3", "已备案", "社区社会组织", null, null);
        long o4 = data.org(A2, "O4", "已备案", null, null, null);
        long o5 = data.org(A2, "O5", "已登记", "基金会", 5, false);
        o6 = data.org(A3, "O6", "已登记", "民办非企业单位", 2, false);
        long o7 = data.org(B1, "O7", "已备案", "社区社会组织", null, null);
        long o8 = data.org(B201, "O8", "已登记", "社会团体", null, null);
        long o9 = data.org(A1, "O9 (duplicate of O1)", "已登记", "社会团体", 4, false);
        data.mergedInto(o9, o1);
        List<Long> small = new ArrayList<>();
        for (int i = 10; i <= 14; i++) {
            small.add(data.org(A4, "O" + i, "已备案", null, null, null));
        }

        long sept = data.sheet("S2", STREET_1, SEPT);
        for (long o : List.of(o1, o2, o3, o4, o6)) {
            data.s2(sept, o);
        }
        long oct = data.sheet("S2", STREET_1, OCT);
        for (long o : List.of(o1, o1, o2, o3, o6, o9)) {
            data.s2(oct, o);
        }
        small.forEach(o -> data.s2(oct, o));
        long town = data.sheet("S2", STREET_2, SEPT);
        data.s2(town, o7);

        long registrySept = data.sheet("D1", "910102", SEPT);
        for (long o : List.of(o1, o2, o5, o6, o8)) {
            data.d1(registrySept, o, "正常");
        }
        long registryOct = data.sheet("D1", "910102", OCT);
        data.d1(registryOct, o1, "正常");
        data.d1(registryOct, o2, "正常");
        data.d1(registryOct, o5, "正常");
        data.d1(registryOct, o6, "注销");

        // S1: 一村 has 3500 people (a rural community that counts for organizations per community)
        long s1 = data.sheet("S1", STREET_2, SEPT);
        data.s1(s1, B201, 900, 3500, 100);
    }

    @Test
    void activeOrganizationsByRegistrationAndType() {
        List<IndicatorValue> oct = compute(JIA, OCT, "gansu-2015");

        // Active in October: O1 (once, whatever its duplicate rows), O2, O3, O5 (registry 正常), O7 (二镇's
        // September ledger stands), O10–O14. Not O4 (dropped), O6 (注销), O8 (out of the registry), O9 (merged).
        Figure.of(oct, "ORG_COUNT", "all", JIA).count(10);
        Figure.of(oct, "ORG_COUNT", "已登记", JIA).count(3);
        Figure.of(oct, "ORG_COUNT", "已备案", JIA).count(7);
        Figure.of(oct, "ORG_COUNT", "type:社会团体", JIA).count(1);
        Figure.of(oct, "ORG_COUNT", "type:民办非企业单位", JIA).count(1);   // O2, a 社会服务机构
        Figure.of(oct, "ORG_COUNT", "type:基金会", JIA).count(1);
        Figure.of(oct, "ORG_COUNT", "type:社区社会组织", JIA).count(7);   // every filed one, typed or not
        Figure.of(oct, "ORG_RATED_3A", "", JIA).count(3);                 // O1 4A, O2 3A, O5 5A (O6's 2A is gone too)
        Figure.of(oct, "STF_AGENCIES", "", JIA).count(1);                 // O2
        // by street
        Figure.of(oct, "ORG_COUNT", "all", STREET_1 + "000").count(9);
        Figure.of(oct, "ORG_COUNT", "all", STREET_2 + "000").count(1);
    }

    @Test
    void septemberHadTheOrganizationsLaterDroppedCancelledOrDeregistered() {
        List<IndicatorValue> sept = compute(JIA, SEPT, "gansu-2015");

        // O1 O2 O3 O4 O5 O6 O7 O8; O10–O14 were not listed yet.
        Figure.of(sept, "ORG_COUNT", "all", JIA).count(8);
        Figure.of(sept, "ORG_COUNT", "已登记", JIA).count(5);
        Figure.of(sept, "ORG_COUNT", "type:民办非企业单位", JIA).count(2);
    }

    @Test
    void averageAndOrganizationsPerCommunity() {
        List<IndicatorValue> gansu = compute(JIA, OCT, "gansu-2015");

        // 10 organizations over 7 communities
        Figure.of(compute(JIA, OCT, "ningbo-2013"), "ORG_AVG_PER_COMMUNITY", "", JIA).is("1.428571").of(10, 7)
                .target("15").status("red");
        // gansu-2015: urban ≥ 5 — 社区004 has O10–O14 (社区001 has 3: O1 O2 O3); rural of ≥ 3000 people ≥ 5 —
        // 一村 (3500) has none; 二村 sent no population → 1 of 5 urban + 1 large rural = 1/6
        Figure.of(gansu, "ORG_PER_COMMUNITY_OK", "", JIA).of(1, 6).is("0.166667").target("1").status("red");
        // shijiazhuang-2020 sets the urban minimum (10) only: 0 of the 5 urban communities
        Figure.of(compute(JIA, OCT, "shijiazhuang-2020"), "ORG_PER_COMMUNITY_OK", "", JIA).of(0, 5);
        // ningbo-2013 sets neither minimum
        Figure.of(compute(JIA, OCT, "ningbo-2013"), "ORG_PER_COMMUNITY_OK", "", JIA).is(null);
    }

    @Test
    void aStewardWhoDecidesTheRegistryIsWrongKeepsTheOrganizationActive() {
        // ORG_ACTIVE_BUT_CANCELLED resolved: the registry status chosen is 正常.
        data.override("org", o6, "registry_status", "正常");

        Figure.of(compute(JIA, OCT, "gansu-2015"), "ORG_COUNT", "all", JIA).count(11);
    }

    @Test
    void aRegisteredOrganizationCancelledInAnEarlierExtractStaysInactiveWhileLedgersStillListIt() {
        // O15: 注销 in September's registry, gone from October's; 一街道 still lists it in October.
        long o15 = data.org(A3, "O15", "已登记", "社会团体", null, null);
        data.d1(data.sheet("D1", "910102", SEPT), o15, "注销");
        data.s2(data.sheet("S2", STREET_1, OCT), o15);

        Figure.of(compute(JIA, OCT, "gansu-2015"), "ORG_COUNT", "all", JIA).count(10);

        // a steward decides the registry was wrong
        data.override("org", o15, "registry_status", "正常");
        Figure.of(compute(JIA, OCT, "gansu-2015"), "ORG_COUNT", "all", JIA).count(11);
    }

    @Test
    void socialWorkAgenciesPerUrbanDistrict() {
        // changzhi-2020: ≥ 3 agencies in each urban district (a 区, not a 县).
        List<IndicatorValue> oct = compute(CITY, OCT, "changzhi-2020");

        Figure.of(oct, "STF_AGENCIES", "", JIA).count(1).target("3").status("red");
        Figure.of(oct, "STF_AGENCIES", "", YI).count(0).target("3").status("red");
        Figure.of(oct, "STF_AGENCIES", "", BING).count(0).target(null).status(null);
        Figure.of(oct, "STF_AGENCIES", "", CITY).count(1).target(null);
        // shijiazhuang-2020: > 50 in the city
        Figure.of(compute(CITY, OCT, "shijiazhuang-2020"), "STF_AGENCIES", "", CITY).count(1).target("50")
                .status("red");
    }
}
