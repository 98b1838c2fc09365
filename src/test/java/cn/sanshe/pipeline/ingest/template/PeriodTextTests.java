package cn.sanshe.pipeline.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.ingest.read.SheetRow;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(RootLocale.class)
class PeriodTextTests {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"XX街道社区社会组织台账（2026年10月）", "建北街道社区基本情况表(2026年10月)", "2026年10月",
            "2026 年 10 月", "２０２６年１０月", "2026-10", "2026.10", "2026/10", "社区工作者花名册 2026-10",
            "统计月份：2026年10月份"})
    void readsThePeriodATitleNames(String title) {
        assertThat(PeriodText.fromTitle(rows(title))).contains(YearMonth.of(2026, 10));
    }

    @Test
    void ignoresTheFillingDateBesideTheTitle() {
        // Title and 填报单位 line as sources.md shows them: the filling date is in the next month.
        assertThat(PeriodText.fromTitle(rows("XX街道社区社会组织台账（2026年10月）",
                "填报单位：XX街道    填报日期：2026年11月3日"))).contains(YearMonth.of(2026, 10));
        assertThat(PeriodText.fromTitle(rows("台账（2026年10月）", "填报日期：2026-11-03"))).contains(YearMonth.of(2026, 10));
        assertThat(PeriodText.fromTitle(rows("台账（2026年10月）", "填报日期： 2026年11月"))).contains(YearMonth.of(2026, 10));
    }

    @Test
    void theSameMonthTwiceIsNoAmbiguity() {
        assertThat(PeriodText.fromTitle(rows("台账（2026年10月）", "统计截至2026年10月底"))).contains(YearMonth.of(2026, 10));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"社区社会组织台账", "填报单位：XX街道    填报日期：2026年11月3日", "2026-11-03", "2026年11月3日",
            "2026年度", "2026年1-10月", "2026年13月", "联系电话：0311-86012345", "所在区代码 130102"})
    void findsNoneWhereNoMonthIsNamed(String text) {
        assertThat(PeriodText.fromTitle(rows(text))).isEmpty();
    }

    @Test
    void twoDifferentMonthsAreAmbiguous() {
        assertThat(PeriodText.fromTitle(rows("台账（2026年9月）", "2026年10月"))).isEmpty();
        assertThat(PeriodText.fromTitle(rows("2026年9月至2026年10月"))).isEmpty();
    }

    @Test
    void noRowsAboveTheHeaderNameNoPeriod() {
        assertThat(PeriodText.fromTitle(List.of())).isEmpty();
    }

    private static List<SheetRow> rows(String... texts) {
        List<SheetRow> rows = new ArrayList<>();
        for (String text : texts) {
            rows.add(new SheetRow(rows.size() + 1, List.of(text, "", "")));
        }
        return rows;
    }
}
