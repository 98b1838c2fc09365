package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A2;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.JIA;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.SEPT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_2;
import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.reports.RenderedReport;
import cn.sanshe.pipeline.reports.ReportService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A monthly edition rendered right after the indicators stage prints the run that stage stored
 * for its month (no second computation), as long as no input changed since; a rejected row a
 * steward corrected in between is such a change (the data cut-off moves), so the edition then
 * computes the month again and prints the corrected figures. And the submissions of a scope count
 * a copy dropped under one of its streets, and never one dropped under another scope's street.
 */
class EditionRunReuseTests extends IndicatorTestBase {

    static final String PROFILE = "gansu-2015";

    @Autowired
    ReportService reports;

    @Test
    void anEditionPrintsTheStoredRunOfItsMonthUntilAnInputChanges() throws Exception {
        long s1 = data.sheet("S1", STREET_1, OCT);
        data.s1(s1, A1, 400, 1200, 350);
        data.s1(s1, A2, 300, 900, 0);
        data.reject(s1, "S1", "open");
        data.s1(data.sheet("S1", STREET_1, SEPT), A1, 390, 1180, 300);

        long stored = indicators.run(JIA, YearMonth.parse(OCT), PROFILE);
        Path out = Files.createTempDirectory("edition-reuse");
        RenderedReport first = reports.render(new cn.sanshe.pipeline.reports.ReportRequest(OCT, JIA, PROFILE,
                out.resolve("first")));

        assertThat(first.runIds().get(0)).isEqualTo(stored);
        assertThat(count("SELECT COUNT(*) FROM indicator_run WHERE scope_code = '" + JIA + "' AND period = '" + OCT + "'"))
                .isEqualTo(1);
        Figure.of(indicators.stored(stored), "DQ_REJECTED", "open_with_stewards", JIA).count(1);
        assertThat(Files.readString(first.kpisJson())).contains("DQ_REJECTED");

        // a steward corrects the rejected row: no file is loaded, but the figures of October changed
        Thread.sleep(5);
        jdbc.update("UPDATE ingest_reject SET status = 'corrected', resolved_at = CURRENT_TIMESTAMP(6) WHERE sheet_id = ?",
                s1);
        RenderedReport second = reports.render(new cn.sanshe.pipeline.reports.ReportRequest(OCT, JIA, PROFILE,
                out.resolve("second")));

        assertThat(second.runIds().get(0)).isNotEqualTo(stored);
        Figure.of(indicators.stored(second.runIds().get(0)), "DQ_REJECTED", "open_with_stewards", JIA).count(0);
        assertThat(second.runIds().get(0)).isEqualTo(indicators.runOrReuse(JIA, YearMonth.parse(OCT), PROFILE));
        // the stored run keeps the figures it was computed with
        Figure.of(indicators.stored(stored), "DQ_REJECTED", "open_with_stewards", JIA).count(1);
    }

    @Test
    void submissionsCountCopiesDroppedUnderTheScopesOwnStreetsOnly() {
        data.division("910103001000", "乙街道", "street", null);
        long sheet = data.sheet("S4", STREET_1, SEPT);
        data.copyDropped(sheet, OCT, STREET_2);                   // JIA's second street, as a copy of September's file
        data.copyDropped(data.sheet("S1", STREET_1, SEPT), OCT, "910103001");   // 乙区's street, not JIA's

        List<IndicatorValue> jia = compute(JIA, OCT, PROFILE);
        Figure.of(jia, "DQ_SUBMISSION_RATE", "S4", STREET_2 + "000").is("1").of(1, 1);
        Figure.of(jia, "DQ_SUBMISSION_RATE", "S4", JIA).is("0.5").of(1, 2);
        Figure.of(jia, "DQ_SUBMISSION_RATE", "S1", JIA).is("0").of(0, 2);
        List<IndicatorValue> city = compute(IndicatorFixtures.CITY, OCT, PROFILE);
        Figure.of(city, "DQ_SUBMISSION_RATE", "S1", IndicatorFixtures.YI).is("1").of(1, 1);
        Figure.of(city, "DQ_SUBMISSION_RATE", "S1", IndicatorFixtures.CITY).of(1, 3);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
