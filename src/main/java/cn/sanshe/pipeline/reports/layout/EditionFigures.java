package cn.sanshe.pipeline.reports.layout;

import cn.sanshe.pipeline.indicators.IndicatorValue;
import cn.sanshe.pipeline.indicators.Scope;
import cn.sanshe.pipeline.indicators.StreetSubmission;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The figures one edition prints, as stored (a unit and month that rests on nothing sent already
 * marked {@link NoData}): the month reported — for a yearly edition the last final month of the
 * year it is "as of" — and the month before (page 1's change); for a yearly edition the months
 * January … that month and last December too.
 *
 * @param profileTitle the profile's name as leaders know it, or null without a profile
 * @param comparators  each target's comparator by indicator id ({@code >=}, {@code <=}, {@code >})
 * @param months       January … the month reported, or empty for a monthly edition
 * @param lastYear     the figures of December a year earlier, or empty for a monthly edition
 * @param streets      what each street sent for the month reported
 * @param lastMonth    the figures of the month before the one reported, or empty when unknown
 * @param streetMonths a yearly edition's street annex month by month (empty for a monthly edition)
 */
public record EditionFigures(Scope scope, YearMonth period, boolean yearly, String profile, String profileTitle,
        Map<String, String> comparators, List<IndicatorValue> values, Map<YearMonth, List<IndicatorValue>> months,
        List<IndicatorValue> lastYear, List<StreetSubmission> streets, LocalDateTime cutoff,
        LocalDateTime generated, List<IndicatorValue> lastMonth, Map<YearMonth, List<StreetSubmission>> streetMonths,
        Marking marking) {

    public EditionFigures {
        lastMonth = lastMonth == null ? List.of() : lastMonth;
        streetMonths = streetMonths == null ? Map.of() : streetMonths;
        marking = marking == null ? Marking.FINAL : marking;
        lastYear = lastYear == null ? List.of() : lastYear;
    }

    /** An edition without last month's figures, final. */
    public EditionFigures(Scope scope, YearMonth period, boolean yearly, String profile, String profileTitle,
            Map<String, String> comparators, List<IndicatorValue> values, Map<YearMonth, List<IndicatorValue>> months,
            List<IndicatorValue> lastYear, List<StreetSubmission> streets, LocalDateTime cutoff,
            LocalDateTime generated) {
        this(scope, period, yearly, profile, profileTitle, comparators, values, months, lastYear, streets, cutoff,
                generated, null, null, null);
    }

    public EditionFigures withMarking(Marking newMarking) {
        return new EditionFigures(scope, period, yearly, profile, profileTitle, comparators, values, months, lastYear,
                streets, cutoff, generated, lastMonth, streetMonths, newMarking);
    }
}
