package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.CITY;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.JIA;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.SEPT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_2;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 数据质量: what each street and district sent for the month, what was rejected, what was merged. */
class DataQualityIndicatorsTests extends IndicatorTestBase {

    @Test
    void submissionRatePerTemplateCountingACopyOfAnEarlierFileAsSent() {
        // October: 一街道 sends S1 (and corrects it), S2, S3; 甲区 sends D1. 二镇 drops again, in its
        // October folder, the very bytes of its September S4 file: sent, though nothing new loads.
        long s1 = data.sheet("S1", STREET_1, OCT);
        data.resubmit(s1, "S1");
        data.sheet("S2", STREET_1, OCT);
        data.sheet("S3", STREET_1, OCT);
        data.sheet("D1", "910102", OCT);
        long centre = data.sheet("S4", STREET_2, SEPT);
        data.copyDropped(centre, OCT, STREET_2);

        List<IndicatorValue> oct = compute(JIA, OCT, null);

        Figure.of(oct, "DQ_SUBMISSION_RATE", "S1", JIA).is("0.5").of(1, 2);
        Figure.of(oct, "DQ_SUBMISSION_RATE", "S2", JIA).is("0.5").of(1, 2);
        Figure.of(oct, "DQ_SUBMISSION_RATE", "S3", JIA).is("0.5").of(1, 2);
        Figure.of(oct, "DQ_SUBMISSION_RATE", "S4", JIA).is("0.5").of(1, 2);
        Figure.of(oct, "DQ_SUBMISSION_RATE", "D1", JIA).is("1").of(1, 1);
        Figure.of(oct, "DQ_SUBMISSION_RATE", "D2", JIA).is("0").of(0, 1);
        // what each street sent (the annex's table)
        Figure.of(oct, "DQ_SUBMISSION_RATE", "S1", STREET_1 + "000").is("1").of(1, 1);
        Figure.of(oct, "DQ_SUBMISSION_RATE", "S1", STREET_2 + "000").is("0").of(0, 1);
        Figure.of(oct, "DQ_SUBMISSION_RATE", "S4", STREET_2 + "000").is("1").of(1, 1);
        Figure.of(oct, "DQ_SUBMISSION_RATE", "D1", STREET_1 + "000").is(null).of(0, 0);
        // the city has three district-level units: 甲区, 乙区, 丙县
        Figure.of(compute(CITY, OCT, null), "DQ_SUBMISSION_RATE", "D1", CITY).of(1, 3);
        // September: only 二镇's S4
        Figure.of(compute(JIA, SEPT, null), "DQ_SUBMISSION_RATE", "S4", JIA).of(1, 2);
        Figure.of(compute(JIA, SEPT, null), "DQ_SUBMISSION_RATE", "S1", JIA).of(0, 2);
    }

    @Test
    void rejectedRowsOfTheMonthAndThoseStillOpen() {
        long roster = data.sheet("S3", STREET_1, OCT);
        data.reject(roster, "S3", "open");
        data.reject(roster, "S3", "open");
        data.reject(roster, "S3", "corrected");
        // a sheet replaced by a resubmission: its reject closed as superseded, no longer counts
        long old = data.sheet("S1", STREET_1, OCT);
        data.reject(old, "S1", "superseded");
        data.resubmit(old, "S1");
        // September's reject is September's
        data.reject(data.sheet("S2", STREET_2, SEPT), "S2", "open");

        List<IndicatorValue> oct = compute(JIA, OCT, null);

        Figure.of(oct, "DQ_REJECTED", "rejected_rows", JIA).count(3);
        Figure.of(oct, "DQ_REJECTED", "open_with_stewards", JIA).count(2);
        Figure.of(oct, "DQ_REJECTED", "open_with_stewards", STREET_2 + "000").count(0);
        Figure.of(compute(JIA, SEPT, null), "DQ_REJECTED", "open_with_stewards", STREET_2 + "000").count(1);
    }

    @Test
    void rowsMergedIntoMastersThatAlreadyHadRows() {
        long m1 = data.org(A1, "M1", "已登记", "社会团体", null, null);
        long m2 = data.org(A1, "M2", "已备案", null, null, null);
        long m3 = data.org(A1, "M3", "已备案", null, null, null);
        data.s2(data.sheet("S2", STREET_1, SEPT), m1);
        long firstOct = data.sheet("S2", STREET_1, OCT);
        data.s2(firstOct, m1);
        data.s2(firstOct, m3);
        long oct = data.resubmit(firstOct, "S2");
        data.s2(oct, m1);        // M1 had a September row → merged
        data.s2(oct, m2);        // M2 is new → not merged
        data.s2(oct, m3);        // M3's only other row is in the replaced sheet → not merged
        data.d1(data.sheet("D1", "910102", OCT), m1, "正常");   // and the registry's row of M1 → merged

        long x1 = data.worker("X1", "910102", false, "本科");
        long x2 = data.worker("X2", "910102", true, "本科");
        long x3 = data.worker("X3", "910102", false, "本科");
        data.s3(data.sheet("S3", STREET_1, SEPT), x1, A1, false, false, "本科");
        long roster = data.sheet("S3", STREET_1, OCT);
        data.s3(roster, x1, A1, false, false, "本科");   // merged (September)
        data.s3(roster, x2, A1, false, false, "本科");   // merged (D3 below)
        data.s3(roster, x3, A1, false, false, "本科");   // new
        data.d3(data.sheet("D3", "910102", OCT), x2);   // merged (the roster row)

        List<IndicatorValue> figures = compute(JIA, OCT, null);

        // organizations: M1's October ledger row and registry row = 2; workers: X1's, X2's two = 3
        Figure.of(figures, "DQ_MERGED", "", JIA).count(5);
        // the street's own rows: M1 ledger, X1 and X2 roster = 3 (the district's registers are the district's)
        Figure.of(figures, "DQ_MERGED", "", STREET_1 + "000").count(3);
        // September: nothing had rows before
        Figure.of(compute(JIA, SEPT, null), "DQ_MERGED", "", JIA).count(0);
    }
}
