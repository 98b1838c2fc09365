package cn.sanshe.pipeline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.reports.layout.Dashboard;
import cn.sanshe.pipeline.reports.layout.DashboardBuilder;
import cn.sanshe.pipeline.reports.layout.EditionFigures;
import cn.sanshe.pipeline.reports.layout.HeadlineRow;
import cn.sanshe.pipeline.reports.layout.NoData;
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
    void monthsBeforeTheFirstFileAreLeftOutOfTheTrendNotZeros() {
        EditionFigures year = DashboardSamples.yearly(2026);
        Map<YearMonth, List<IndicatorValue>> months = new LinkedHashMap<>(year.months());
        for (int m = 1; m <= 3; m++) {
            months.put(YearMonth.of(2026, m), NoData.apply(nothingSent(months.get(YearMonth.of(2026, m)))));
        }
        EditionFigures edition = new EditionFigures(year.scope(), year.period(), true, year.profile(),
                year.profileTitle(), year.comparators(), year.values(), months, NoData.apply(nothingSent(year.lastYear())),
                year.streets(), year.cutoff(), year.generated(), months.get(YearMonth.of(2026, 11)), null, null);

        Dashboard dashboard = DashboardBuilder.build(edition);

        List<TrendPoint> trend = dashboard.sections().get(0).trend();
        assertThat(trend).extracting(TrendPoint::month).containsExactly("4月", "5月", "6月", "7月", "8月", "9月", "10月",
                "11月", "12月");
        assertThat(trend).allSatisfy(point -> assertThat(point.value()).isNotNull());
        assertThat(dashboard.headline()).isNotEmpty().allSatisfy(row -> assertThat(row.yearChange()).isEqualTo("—"));

        // the same year with last December's files: real comparisons
        Dashboard withLastYear = DashboardBuilder.build(new EditionFigures(year.scope(), year.period(), true,
                year.profile(), year.profileTitle(), year.comparators(), year.values(), year.months(), year.lastYear(),
                year.streets(), year.cutoff(), year.generated(), year.months().get(YearMonth.of(2026, 11)), null, null));
        assertThat(withLastYear.headline().stream().map(HeadlineRow::yearChange)).anyMatch(p -> !p.equals("—"));
    }

    @Test
    void aMonthWithoutDataIsNullAndSaysSoNeverZeroAndRed() {
        List<IndicatorValue> none = NoData.apply(nothingSent(DashboardSamples.figures(YearMonth.of(2026, 3), 7)));
        assertThat(none).filteredOn(v -> !v.indicator().startsWith("DQ_")).isNotEmpty().allSatisfy(v -> {
            assertThat(v.value()).isNull();
            assertThat(v.status()).isEqualTo(NoData.STATUS);
        });
        // the data-quality figures stay as computed: sending nothing is a submission rate of 0 %
        assertThat(none).filteredOn(v -> v.indicator().equals("DQ_SUBMISSION_RATE"))
                .allSatisfy(v -> assertThat(v.status()).isNotEqualTo(NoData.STATUS));
    }

    /**
     * The figures of a month nothing had been sent by: zeros over the reference's denominators
     * (communities, streets), and no households or workers (only files give those).
     */
    private static List<IndicatorValue> nothingSent(List<IndicatorValue> values) {
        return values.stream().map(v -> {
            boolean fromFiles = List.of("FAC_AREA_PER_100_HH", "STF_HH_PER_WORKER", "STF_COLLEGE_RATE")
                    .contains(v.indicator());
            BigDecimal denominator = fromFiles && v.denominator() != null ? BigDecimal.ZERO : v.denominator();
            return new IndicatorValue(v.indicator(), v.variant(), v.scope(), v.period(),
                    denominator == null ? BigDecimal.ZERO : denominator.signum() == 0 ? null : BigDecimal.ZERO,
                    denominator == null ? null : BigDecimal.ZERO, denominator, v.target(),
                    v.target() == null ? null : IndicatorValue.RED);
        }).toList();
    }
}
