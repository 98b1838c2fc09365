package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Scope;
import cn.sanshe.pipeline.indicators.StreetSubmission;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The figures one edition prints, as stored: the month reported (a yearly edition: December), and
 * for a yearly edition the 12 months and last December too.
 *
 * @param profileTitle the profile's name as leaders know it, or null without a profile
 * @param comparators  each target's comparator by indicator id ({@code >=}, {@code <=}, {@code >})
 * @param months       January … December of the year, or empty for a monthly edition
 * @param lastYear     the figures of December a year earlier, or empty for a monthly edition
 */
public record EditionFigures(Scope scope, YearMonth period, boolean yearly, String profile, String profileTitle,
        Map<String, String> comparators, List<IndicatorValue> values, Map<YearMonth, List<IndicatorValue>> months,
        List<IndicatorValue> lastYear, List<StreetSubmission> streets, LocalDateTime cutoff,
        LocalDateTime generated) {
}
