package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A2;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A3;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A4;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.B1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.B201;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.JIA;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.SEPT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_2;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 人才队伍 in 甲区 (7 communities). The rosters:
 * <pre>
 *          community committee certified education sw post   一街道 Sept / Oct   二镇 Sept
 *   W1     社区001     yes       yes      本科       yes          x      x
 *   W2     社区001     yes       no       高中       no           x      x
 *   W3     社区002     yes       yes      大专       yes          x      x
 *   W4     社区002     no        yes      硕士研究生  yes          x      x
 *   W5     社区003     yes       no       中专       no           x      x
 *   W9     社区004     yes       yes      本科       yes          x      -   (left in October)
 *   W6     二镇社区001  yes       yes      本科       yes                         x
 *   W7     一村        no        yes      初中及以下  no                          x
 *   W8     certificate in D3, on no roster
 * </pre>
 * 二镇 sends no roster in October: its September roster stands.
 */
class StaffingIndicatorsTests extends IndicatorTestBase {

    long w3;

    @BeforeEach
    void rosters() {
        long w1 = data.worker("W1", "910102", true, "本科");
        long w2 = data.worker("W2", "910102", false, "高中");
        w3 = data.worker("W3", "910102", true, "大专");
        long w4 = data.worker("W4", "910102", true, "硕士研究生");
        long w5 = data.worker("W5", "910102", false, "中专");
        long w9 = data.worker("W9", "910102", true, "本科");
        long w6 = data.worker("W6", "910102", true, "本科");
        long w7 = data.worker("W7", "910102", true, "初中及以下");
        long w8 = data.worker("W8", "910102", true, "本科");
        for (String period : List.of(SEPT, OCT)) {
            long roster = data.sheet("S3", STREET_1, period);
            data.s3(roster, w1, A1, true, true, "本科");
            data.s3(roster, w2, A1, true, false, "高中");
            data.s3(roster, w3, A2, true, true, "大专");
            data.s3(roster, w4, A2, false, true, "硕士研究生");
            data.s3(roster, w5, A3, true, false, "中专");
            if (period.equals(SEPT)) {
                data.s3(roster, w9, A4, true, true, "本科");
            }
        }
        long town = data.sheet("S3", STREET_2, SEPT);
        data.s3(town, w6, B1, true, true, "本科");
        data.s3(town, w7, B201, false, false, "初中及以下");
        long d3 = data.sheet("D3", "910102", SEPT);
        for (long certified : List.of(w1, w3, w4, w9, w6, w7, w8)) {
            data.d3(d3, certified);
        }
        // households and population: 社区004 and 二村 never sent S1
        long s1 = data.sheet("S1", STREET_1, OCT);
        data.s1(s1, A1, 4000, 12000, 300);
        data.s1(s1, A2, 1500, 4000, 300);
        data.s1(s1, A3, 1000, 5000, 300);
        long s1Town = data.sheet("S1", STREET_2, SEPT);
        data.s1(s1Town, B1, 900, 3000, 300);
        data.s1(s1Town, B201, 300, 800, 300);
    }

    @Test
    void professionalsAndCommittees() {
        List<IndicatorValue> oct = compute(JIA, OCT, "shijiazhuang-2020");

        // certified and on a roster in October: W1 W3 W4 W6 W7 (W8 is on no roster, W9 left) → 5.
        // ≥ 3000 is the whole city's target, not a district's.
        Figure.of(oct, "STF_PROFESSIONALS", "", JIA).count(5).target(null).status(null);
        Figure.of(oct, "STF_PROFESSIONALS", "", STREET_1 + "000").count(3);
        Figure.of(oct, "STF_PROFESSIONALS", "", STREET_2 + "000").count(2);
        // committee members W1 W2 W3 W5 W6, certified W1 W3 W6 → 3/5 = 60 % ≥ 60 % → green
        Figure.of(oct, "STF_COMMITTEE_CERT_RATE", "", JIA).is("0.6").of(3, 5).target("0.6").status("green");
        // September still had W9 (committee, certified): 4/6
        Figure.of(compute(JIA, SEPT, "shijiazhuang-2020"), "STF_COMMITTEE_CERT_RATE", "", JIA).of(4, 6);
        Figure.of(compute(JIA, SEPT, "shijiazhuang-2020"), "STF_PROFESSIONALS", "", JIA).count(6);
        // communities whose committee has a certified member: 社区001 (W1), 社区002 (W3), 二镇社区001 (W6)
        // → 3 of 7; gansu-2015 wants all → red
        Figure.of(compute(JIA, OCT, "gansu-2015"), "STF_COMMITTEE_WITH_CERT", "", JIA).of(3, 7).is("0.428571")
                .target("1").status("red");
    }

    @Test
    void postsPerPopulation() {
        List<IndicatorValue> oct = compute(JIA, OCT, "shijiazhuang-2020");

        // ⌈population × 2 ÷ 10000⌉ posts: 社区001 12000 → 3, has 1 (W1): no; 社区002 4000 → 1, has 2: yes;
        // 社区003 5000 → 1, has 0: no; 社区004 sent no S1: no; 二镇社区001 3000 → 1, has W6: yes;
        // 一村 800 → 1, has 0: no; 二村 no S1: no → 2 of 7 → red
        Figure.of(oct, "STF_POSTS_PER_POP_OK", "", JIA).of(2, 7).is("0.285714").target("1").status("red");
        Figure.of(oct, "STF_POSTS_PER_POP_OK", "", STREET_2 + "000").of(1, 3);
    }

    @Test
    void professionalsPerCommunityUrbanAndRural() {
        List<IndicatorValue> oct = compute(JIA, OCT, "changzhi-2020");

        // changzhi-2020: urban ≥ 2, rural ≥ 1. 社区001 1 no, 社区002 2 yes, 社区003 0, 社区004 0,
        // 二镇社区001 1 (urban) no, 一村 1 (rural) yes, 二村 0 → 2 of 7
        Figure.of(oct, "STF_PRO_PER_COMMUNITY_OK", "", JIA).of(2, 7).is("0.285714").target("1").status("red");
        // profiles without the two minimums cannot compute it
        Figure.of(compute(JIA, OCT, "gansu-2015"), "STF_PRO_PER_COMMUNITY_OK", "", JIA).is(null);
    }

    @Test
    void educationAndHouseholdsPerWorker() {
        List<IndicatorValue> gansu = compute(JIA, OCT, "gansu-2015");
        List<IndicatorValue> ningbo = compute(JIA, OCT, "ningbo-2013");

        // 大专 or higher: W1 本科, W3 大专, W4 硕士研究生, W6 本科 → 4 of 7 workers
        Figure.of(gansu, "STF_COLLEGE_RATE", "", JIA).of(4, 7).is("0.571429").target("0.5").status("green");
        Figure.of(ningbo, "STF_COLLEGE_RATE", "", JIA).target("0.86").status("red");
        // households 4000 + 1500 + 1000 + 900 + 300 = 7700 over 7 workers = 1100 > 250 → red
        Figure.of(ningbo, "STF_HH_PER_WORKER", "", JIA).is("1100").of(7700, 7).target("250").status("red");
    }

    @Test
    void someoneOnTwoCommunitiesRostersIsOnePersonPlacedWhereTheStewardChose() {
        // October: 二镇 also lists W3 in its 社区001 (a WORKER_TWO_COMMUNITIES conflict).
        long town = data.sheet("S3", STREET_2, OCT);
        long w6 = jdbc.queryForObject("SELECT id FROM worker_master WHERE name = 'W6'", Long.class);
        long w7 = jdbc.queryForObject("SELECT id FROM worker_master WHERE name = 'W7'", Long.class);
        data.s3(town, w6, B1, true, true, "本科");
        data.s3(town, w7, B201, false, false, "初中及以下");
        data.s3(town, w3, B1, true, true, "大专");

        List<IndicatorValue> before = compute(JIA, OCT, "changzhi-2020");
        // still 7 people and 5 professionals in the district
        Figure.of(before, "STF_PROFESSIONALS", "", JIA).count(5);
        Figure.of(before, "STF_COLLEGE_RATE", "", JIA).of(4, 7);
        // but 二镇社区001 now has 2 professionals (W6, W3): 3 communities meet changzhi's minimum
        Figure.of(before, "STF_PRO_PER_COMMUNITY_OK", "", JIA).of(3, 7);

        data.override("worker", w3, "community_code", A2);
        Figure.of(compute(JIA, OCT, "changzhi-2020"), "STF_PRO_PER_COMMUNITY_OK", "", JIA).of(2, 7);
        Figure.of(compute(JIA, OCT, "changzhi-2020"), "STF_PROFESSIONALS", "", STREET_2 + "000").count(2);
    }

    @Test
    void aRosterNotYetReconciledDoesNotEmptyTheStreet() {
        // 一街道's November roster is loaded but reconcile has not linked it yet: October's stands.
        long november = data.sheet("S3", STREET_1, "2026-11");
        jdbc.update("""
                INSERT INTO stg_s3_worker (sheet_id, row_no, period, unit_code, district_code, name, id_hash, id_cipher,
                                           id_masked, community_code)
                VALUES (?, 2, '2026-11', ?, '910102', 'W1', 'unlinked', 'c', '910102********0000', ?)""",
                november, STREET_1, A1);
        jdbc.update("UPDATE ingest_sheet SET rows_loaded = 1 WHERE id = ?", november);

        Figure.of(compute(JIA, "2026-11", "shijiazhuang-2020"), "STF_PROFESSIONALS", "", JIA).count(5);
    }
}
