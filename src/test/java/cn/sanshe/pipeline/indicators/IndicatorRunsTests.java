package cn.sanshe.pipeline.indicators;

import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A1;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.A2;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.JIA;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.OCT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.SEPT;
import static cn.sanshe.pipeline.indicators.IndicatorFixtures.STREET_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stored runs read back exactly; a year is its 12 month-end snapshots. */
class IndicatorRunsTests extends IndicatorTestBase {

    @BeforeEach
    void twoMonths() {
        long sept = data.sheet("S1", STREET_1, SEPT);
        data.s1(sept, A1, 400, 1200, 350);
        data.s1(sept, A2, 300, 900, 0);
        long oct = data.sheet("S1", STREET_1, OCT);
        data.s1(oct, A2, 300, 900, 310.5);
        long o = data.org(A1, "阳光老年协会", "已备案", null, null, null);
        data.s2(data.sheet("S2", STREET_1, OCT), o);
    }

    @Test
    void everyIndicatorAndVariantForTheScopeAndEachChild() {
        List<IndicatorValue> oct = compute(JIA, OCT, "gansu-2015");

        int variants = java.util.Arrays.stream(Indicator.values()).mapToInt(i -> i.variants().size()).sum();
        // 甲区 and its two streets
        assertThat(oct).hasSize(variants * 3);
        assertThat(oct).extracting(IndicatorValue::scope).containsOnly(JIA, STREET_1 + "000", "910102002000");
        assertThat(oct).extracting(IndicatorValue::period).containsOnly("2026-10");
        assertThat(oct.get(0)).isEqualTo(new IndicatorValue("FAC_COMMUNITY_COVERAGE", "all", JIA, "2026-10",
                IndicatorFixtures.dec("0.285714"), IndicatorFixtures.dec("2"), IndicatorFixtures.dec("7"),
                IndicatorFixtures.dec("1"), "red"));
        assertThat(Indicator.FAC_AREA_PER_100_HH.unit()).isEqualTo("m2");
        assertThat(Indicator.ORG_COUNT.chineseName()).isEqualTo("社区社会组织数量");
    }

    @Test
    void aStoredRunReadsBackWithTheFiguresItHad() {
        List<IndicatorValue> computed = compute(JIA, OCT, "gansu-2015");

        long runId = indicators.run(JIA, YearMonth.of(2026, 10), "gansu-2015");
        // later data does not change what was stored
        data.s1(data.sheet("S1", STREET_1, OCT), A1, 400, 1200, 0);

        assertThat(indicators.stored(runId)).isEqualTo(computed);
        assertThat(indicators.compute(JIA, YearMonth.of(2026, 10), "gansu-2015")).isNotEqualTo(computed);
        IndicatorRun run = indicators.storedRun(runId).orElseThrow();
        assertThat(run.scopeCode()).isEqualTo(JIA);
        assertThat(run.period()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(run.profile()).isEqualTo("gansu-2015");
        assertThat(run.dataCutoff()).isNotNull().isBeforeOrEqualTo(run.computedAt());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_value WHERE run_id = ?", Integer.class, runId))
                .isEqualTo(computed.size());
        assertThatThrownBy(() -> indicators.stored(runId + 1000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aYearIsTwelveMonthEndSnapshots() {
        Map<YearMonth, List<IndicatorValue>> year = indicators.year(STREET_1, 2026, "gansu-2015");

        assertThat(year.keySet()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> YearMonth.of(2026, m)).toList());
        // nothing sent before September: 0 of 4; September 1 of 4 (350); from October 2 of 4, carried to December
        Figure.of(year.get(YearMonth.of(2026, 8)), "FAC_COMMUNITY_COVERAGE", "all", STREET_1 + "000").of(0, 4);
        Figure.of(year.get(YearMonth.of(2026, 9)), "FAC_COMMUNITY_COVERAGE", "all", STREET_1 + "000").of(1, 4);
        Figure.of(year.get(YearMonth.of(2026, 12)), "FAC_COMMUNITY_COVERAGE", "all", STREET_1 + "000").of(2, 4);
        Figure.of(year.get(YearMonth.of(2026, 12)), "ORG_COUNT", "all", STREET_1 + "000").count(1);
        Figure.of(year.get(YearMonth.of(2026, 12)), "FAC_AREA_PER_100_HH", "", STREET_1 + "000")
                .fraction("660.5", "700").is("94.357143");

        Map<YearMonth, Long> runs = indicators.runYear(STREET_1, 2026, "gansu-2015");
        assertThat(runs).hasSize(12);
        assertThat(indicators.stored(runs.get(YearMonth.of(2026, 12)))).isEqualTo(year.get(YearMonth.of(2026, 12)));
    }

    @Test
    void unknownScopesAndProfilesAreRefused() {
        assertThatThrownBy(() -> compute("990000000000", OCT, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("不在区划表中");
        assertThatThrownBy(() -> compute(JIA, OCT, "beijing-2030")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beijing-2030");
        assertThat(compute(JIA, OCT, null)).extracting(IndicatorValue::status).containsOnlyNulls();
    }
}
