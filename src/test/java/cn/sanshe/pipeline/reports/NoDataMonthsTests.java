package cn.sanshe.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.reports.layout.Dashboard;
import cn.sanshe.pipeline.reports.layout.DashboardBuilder;
import cn.sanshe.pipeline.reports.layout.EditionFigures;
import cn.sanshe.pipeline.reports.layout.HeadlineRow;
import cn.sanshe.pipeline.reports.layout.TrendPoint;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A city whose first files came in April: January–March and last December rest on nothing sent,
 * so the trend has gaps there and the comparison with last year is a dash, never a 0 that would
 * read as a collapse or a leap.
 */
class NoDataMonthsTests {

    @Test
    void monthsBeforeTheFirstFileAreGapsNotZeros() {
        EditionFigures year = DashboardSamples.yearly(2026);
        Map<YearMonth, List<IndicatorValue>> months = new LinkedHashMap<>(year.months());
        for (int m = 1; m <= 3; m++) {
            months.put(YearMonth.of(2026, m), nothingSent(months.get(YearMonth.of(2026, m))));
        }
        EditionFigures edition = new EditionFigures(year.scope(), year.period(), true, year.profile(),
                year.profileTitle(), year.comparators(), year.values(), months, nothingSent(year.lastYear()),
                year.streets(), year.cutoff(), year.generated());

        Dashboard dashboard = DashboardBuilder.build(edition);

        List<TrendPoint> trend = dashboard.sections().get(0).trend();
        assertThat(trend).hasSize(12);
        assertThat(trend.subList(0, 3)).allSatisfy(point -> assertThat(point.value()).isNull());
        assertThat(trend.subList(3, 12)).allSatisfy(point -> assertThat(point.value()).isNotNull());
        assertThat(dashboard.headline()).allSatisfy(row -> {
            assertThat(row.previous()).isEqualTo("—");
            assertThat(row.change()).isEqualTo("—");
        });

        // the same year with last December's files: real comparisons
        Dashboard withLastYear = DashboardBuilder.build(year);
        assertThat(withLastYear.headline().stream().map(HeadlineRow::previous)).anyMatch(p -> !p.equals("—"));
    }

    /** The figures of a month nothing had been sent by: zeros over the reference's denominators. */
    private static List<IndicatorValue> nothingSent(List<IndicatorValue> values) {
        return values.stream().map(v -> new IndicatorValue(v.indicator(), v.variant(), v.scope(), v.period(),
                v.denominator() == null ? BigDecimal.ZERO : v.denominator().signum() == 0 ? null : BigDecimal.ZERO,
                v.denominator() == null ? null : BigDecimal.ZERO, v.denominator(), v.target(),
                v.target() == null ? null : IndicatorValue.RED)).toList();
    }
}
